using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>Support-programme indicators (SA50+) against small hand-made data sets.</summary>
public sealed class SupportIndicatorTests : IAsyncLifetime
{
    private const string Prefecture = "652700";
    private const string JingheTown = "652722100";
    private const string WenquanTown = "652723100";
    private static readonly Period November = new(2026, 11);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<T> AddAsync<T>(T record)
        where T : class
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.Add(record);
        await ctx.SaveChangesAsync();
        return record;
    }

    private async Task<decimal?> ValueAsync(string code, string division = Prefecture, UserContext? user = null)
    {
        var result = (await new IndicatorEngine(_db.ActAs(user ?? TestUsers.Leader), _db).ComputeAsync([IndicatorCatalog.Find(code)!], November, division)).Single();
        return result.Current.Value;
    }

    private async Task SeedTemporaryAsync()
    {
        var tier = await AddAsync(new AssistanceTier { Name = "一档", MinAmount = 100, MaxAmount = 5000 });
        var point = await AddAsync(new AssistancePoint { Name = "八家户救助点", DivisionCode = "652722401" });
        TemporaryAssistance Given(DateOnly on, decimal amount, string division, int? pointId = null) => new()
        {
            RecipientName = "受助人", Origin = "外地", TierId = tier.Id, Amount = amount, GivenOn = on, DivisionCode = division, AssistancePointId = pointId,
        };

        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.AddRange(
            Given(new DateOnly(2026, 11, 3), 1000, JingheTown, point.Id),
            Given(new DateOnly(2026, 11, 30), 500, WenquanTown),
            Given(new DateOnly(2026, 3, 1), 2000, JingheTown, point.Id),
            Given(new DateOnly(2025, 12, 31), 4000, JingheTown, point.Id),   // last year
            Given(new DateOnly(2026, 12, 1), 300, JingheTown));              // next month
        await ctx.SaveChangesAsync();
    }

    [Fact]
    public async Task TemporaryAssistanceCountsPersonTimesAndAmountForTheMonthAndTheYear()
    {
        await SeedTemporaryAsync();

        Assert.Equal(2m, await ValueAsync("SA50"));
        Assert.Equal(3m, await ValueAsync("SA51"));
        Assert.Equal(0.15m, await ValueAsync("SA52"));    // 1,500 元 in 万元
        Assert.Equal(0.35m, await ValueAsync("SA53"));
        Assert.Equal(2m, await ValueAsync("SA54"));       // at points this year
        Assert.Equal(3m, await ValueAsync("SA55"));       // at points, cumulative
        Assert.Equal(2m, await ValueAsync("SA51", "652722"));
        Assert.Equal(1m, await ValueAsync("SA51", "652723", TestUsers.Wenquan));
    }

    private async Task<int> PersonAsync(int seq)
    {
        var person = await AddAsync(new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1970, 1, 1), seq), TestIds.Today), $"P{seq}", JingheTown));
        return person.Id;
    }

    [Fact]
    public async Task SubsidyFamiliesAreAStockAndPaidAmountsAddTheOpeningBalance()
    {
        CareSubsidyFamily Family(int head, int dependant, DateOnly start, DateOnly? end = null) =>
            new() { HeadPersonId = head, DependantPersonId = dependant, DivisionCode = JingheTown, StartOn = start, EndOn = end };
        var f1 = await AddAsync(Family(await PersonAsync(11), await PersonAsync(13), new DateOnly(2020, 1, 1)));
        await AddAsync(Family(await PersonAsync(15), await PersonAsync(17), new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 31)));   // ended
        await AddAsync(Family(await PersonAsync(19), await PersonAsync(21), new DateOnly(2026, 12, 1)));                             // not yet
        await AddAsync(new CareSubsidyPayment { FamilyId = f1.Id, DivisionCode = JingheTown, Period = 202611, Amount = 440, Status = SubsidyPaymentStatus.Paid });
        await AddAsync(new CareSubsidyPayment { FamilyId = f1.Id, DivisionCode = JingheTown, Period = 202610, Amount = 440, Status = SubsidyPaymentStatus.Returned });
        await AddAsync(new CareSubsidyPayment { FamilyId = f1.Id, DivisionCode = JingheTown, Period = 202512, Amount = 440, Status = SubsidyPaymentStatus.Paid });
        await AddAsync(new OpeningBalance { IndicatorCode = "SA58", DivisionCode = "652722", Before = 202501, Value = 100_000 });

        Assert.Equal(1m, await ValueAsync("SA56"));
        Assert.Equal(0.04m, await ValueAsync("SA57"));    // 440 元 paid this year
        Assert.Equal(10.09m, await ValueAsync("SA58"));   // 100,000 + 440 + 440 = 100,880 元
    }

    [Fact]
    public async Task LeadsZeroReportsAndRelativeFilingsAreCounted()
    {
        DiscoveryLead Lead(DateOnly found, LeadOutcome outcome = LeadOutcome.Pending, DateOnly? converted = null) => new()
        {
            Subject = "某户", DivisionCode = JingheTown, FoundOn = found, Outcome = outcome, ConvertedOn = converted, CaseReference = converted is null ? null : "C-1",
        };
        await AddAsync(Lead(new DateOnly(2026, 2, 1)));
        await AddAsync(Lead(new DateOnly(2026, 11, 1), LeadOutcome.Converted, new DateOnly(2026, 11, 20)));
        await AddAsync(Lead(new DateOnly(2025, 12, 1), LeadOutcome.Converted, new DateOnly(2026, 1, 5)));   // found last year, converted this year
        await AddAsync(Lead(new DateOnly(2026, 5, 1), LeadOutcome.NotEligible));

        var w1 = await AddAsync(new AssistanceWorker { Name = "张三", DivisionCode = JingheTown });
        var w2 = await AddAsync(new AssistanceWorker { Name = "李四", DivisionCode = WenquanTown });
        await AddAsync(new ZeroReport { WorkerId = w1.Id, DivisionCode = JingheTown, Period = 202611, FiledOn = new DateOnly(2026, 11, 25) });
        await AddAsync(new ZeroReport { WorkerId = w2.Id, DivisionCode = WenquanTown, Period = 202611, FiledOn = new DateOnly(2026, 11, 25) });
        await AddAsync(new ZeroReport { WorkerId = w1.Id, DivisionCode = JingheTown, Period = 202610, FiledOn = new DateOnly(2026, 10, 25) });
        var relative = await PersonAsync(31);
        await AddAsync(new RelativeFiling { WorkerId = w1.Id, RelativePersonId = relative, Relation = "配偶", DivisionCode = JingheTown, FiledOn = new DateOnly(2024, 5, 1) });
        await AddAsync(new RelativeFiling { WorkerId = w2.Id, RelativePersonId = relative, Relation = "兄弟", DivisionCode = WenquanTown, FiledOn = new DateOnly(2026, 12, 1) });   // after November
        await AddAsync(new OpeningBalance { IndicatorCode = "SA62", DivisionCode = "652722", Before = 202401, Value = 7 });

        Assert.Equal(3m, await ValueAsync("SA59"));
        Assert.Equal(2m, await ValueAsync("SA60"));
        Assert.Equal(2m, await ValueAsync("SA61"));
        Assert.Equal(1m, await ValueAsync("SA61", "652723"));
        Assert.Equal(8m, await ValueAsync("SA62"));
    }

    [Fact]
    public void SupportIndicatorCodesAreUniqueAndAtLeastSA50()
    {
        var codes = SocialAssistanceSupportIndicators.All.Select(d => d.Code).ToList();

        Assert.All(codes, c => Assert.True(int.Parse(c[2..], System.Globalization.CultureInfo.InvariantCulture) >= 50));
        Assert.Equal(IndicatorCatalog.All.Count, IndicatorCatalog.All.Select(d => d.Code).Distinct().Count());
    }
}
