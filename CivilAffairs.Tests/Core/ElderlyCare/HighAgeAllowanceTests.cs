using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.ElderlyCare;

public sealed class HighAgeAllowanceTests : IAsyncLifetime
{
    private static readonly Period November = new(2026, 11);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.HighAgeAllowanceStandards.AddRange(
            new HighAgeAllowanceStandard { MinAge = 80, MaxAge = 89, MonthlyAmount = 100, EffectiveFrom = 202001 },
            new HighAgeAllowanceStandard { MinAge = 80, MaxAge = 89, MonthlyAmount = 120, EffectiveFrom = 202611 },
            new HighAgeAllowanceStandard { MinAge = 90, MonthlyAmount = 300, EffectiveFrom = 202001 });
        await ctx.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private HighAgeAllowanceService Service(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Elderly), _db, _db.Clock);

    private async Task<int> PersonAsync(DateOnly birth, string division = "652722100", DateOnly? died = null, int seq = 11)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var person = new Person(ResidentId.Parse(TestIds.For(division[..6], birth, seq), TestIds.Today), $"P{seq}", division);
        if (died is { } d)
        {
            person.RecordDeath(d, TestIds.Today);
        }

        ctx.People.Add(person);
        await ctx.SaveChangesAsync();
        return person.Id;
    }

    [Fact]
    public async Task APersonTurningEightyIsPaidFromTheirBirthdayMonthNotBefore()
    {
        var id = await PersonAsync(new DateOnly(1946, 11, 30), seq: 11);

        var october = await Service().PreviewAsync(new Period(2026, 10));
        var november = await Service().PreviewAsync(November);

        Assert.DoesNotContain(october.Lines, l => l.PersonId == id);
        Assert.Equal(80, november.Lines.Single(l => l.PersonId == id).Age);
    }

    [Fact]
    public async Task TheStandardIsTheLatestEffectiveOneForTheAgeBand()
    {
        await PersonAsync(new DateOnly(1940, 1, 1), seq: 13);   // 86
        await PersonAsync(new DateOnly(1930, 1, 1), seq: 15);   // 96

        var october = await Service().PreviewAsync(new Period(2026, 10));
        var november = await Service().PreviewAsync(November);

        Assert.Equal([100m, 300m], october.Lines.OrderBy(l => l.Amount).Select(l => l.Amount));
        Assert.Equal([120m, 300m], november.Lines.OrderBy(l => l.Amount).Select(l => l.Amount));
        Assert.Equal(420m, november.Total);
    }

    [Fact]
    public async Task RunningTheSameMonthTwiceCreatesNothingNew()
    {
        await PersonAsync(new DateOnly(1940, 1, 1), seq: 13);
        await PersonAsync(new DateOnly(1941, 1, 1), seq: 15);

        var first = await Service().CommitAsync(November);
        var repeat = await Assert.ThrowsAsync<DomainException>(() => Service().CommitAsync(November));
        var preview = await Service().PreviewAsync(November);

        Assert.Equal(2, first);
        Assert.Contains("生成（2 笔），没有新的发放对象，无需重复生成", repeat.Message, StringComparison.Ordinal);
        Assert.Matches(@"已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 \S+ 生成", repeat.Message);
        Assert.Equal((0, 2), (preview.Lines.Count, preview.AlreadyPaid));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(2, await ctx.HighAgeAllowancePayments.CountAsync());
    }

    [Fact]
    public async Task TheDeceasedArePaidForTheMonthOfDeathButNotAfter()
    {
        var id = await PersonAsync(new DateOnly(1940, 1, 1), died: new DateOnly(2026, 10, 15), seq: 17);

        Assert.Contains((await Service().PreviewAsync(new Period(2026, 10))).Lines, l => l.PersonId == id);
        Assert.DoesNotContain((await Service().PreviewAsync(November)).Lines, l => l.PersonId == id);
    }

    [Fact]
    public async Task ABatchCoversOnlyTheClerksScope()
    {
        await PersonAsync(new DateOnly(1940, 1, 1), "652722100", seq: 13);
        await PersonAsync(new DateOnly(1940, 1, 1), "652723100", seq: 15);

        var preview = await Service(TestUsers.Jinghe).PreviewAsync(November);
        Assert.Equal(["652722100"], preview.Lines.Select(l => l.DivisionCode));
        var created = await Service(TestUsers.Jinghe).CommitAsync(November);

        Assert.Equal(1, created);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal("652722100", (await ctx.HighAgeAllowancePayments.SingleAsync()).DivisionCode);
    }

    [Fact]
    public async Task AClerkListsAndSettlesOnlyTheirCountysPayments()
    {
        await PersonAsync(new DateOnly(1940, 1, 1), "652722100", seq: 13);
        await PersonAsync(new DateOnly(1940, 1, 1), "652723100", seq: 15);
        await Service(TestUsers.Admin).CommitAsync(November);
        var all = (await Service(TestUsers.Admin).PaymentsAsync(November, null, null, null, new PageRequest(0, 10))).Items;

        var jinghe = await Service(TestUsers.Jinghe).PaymentsAsync(November, null, null, null, new PageRequest(0, 10));

        Assert.Equal(2, all.Count);
        Assert.Equal(["652722100"], jinghe.Items.Select(p => p.DivisionCode));
        await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).SettleAsync(all.Select(p => p.Id).ToList(), PaymentStatus.Paid));
    }

    [Fact]
    public async Task PaymentsAreMarkedPaidAndAReturnOfAPaidOneNeedsAReason()
    {
        await PersonAsync(new DateOnly(1940, 1, 1), seq: 13);
        await Service().CommitAsync(November);
        var payment = (await Service().PaymentsAsync(November, null, null, null, new PageRequest(0, 10))).Items.Single();

        await Service().SettleAsync([payment.Id], PaymentStatus.Paid);
        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().SettleAsync([payment.Id], PaymentStatus.Returned));
        await Service().SettleAsync([payment.Id], PaymentStatus.Returned, "账户已销户");

        var settled = (await Service().PaymentsAsync(November, null, null, null, new PageRequest(0, 10))).Items.Single();
        Assert.Contains("原因", ex.Message);
        Assert.Equal(PaymentStatus.Returned, settled.Status);
    }

    [Fact]
    public async Task TheIndicatorsFollowBatchesAndSettlementsAtOnce()
    {
        await PersonAsync(new DateOnly(1940, 1, 1), seq: 13);
        await PersonAsync(new DateOnly(1930, 1, 1), seq: 15);
        var engine = new CivilAffairs.Core.Indicators.IndicatorEngine(_db, _db);
        var definitions = new[] { "EC17", "EC18" }.Select(c => CivilAffairs.Core.Indicators.IndicatorCatalog.Find(c)!).ToList();

        await Service().CommitAsync(November);
        var committed = (await engine.ComputeAsync(definitions, November, "652700")).Select(r => r.Current.Value).ToList();
        var payments = (await Service().PaymentsAsync(November, null, null, null, new PageRequest(0, 10))).Items;
        await Service().SettleAsync(payments.Select(p => p.Id).ToList(), PaymentStatus.Paid);
        var paid = (await engine.ComputeAsync(definitions, November, "652700")).Select(r => r.Current.Value).ToList();
        await Service().SettleAsync([payments[0].Id], PaymentStatus.Returned, "退回测试");
        var returned = (await engine.ComputeAsync(definitions, November, "652700")).Select(r => r.Current.Value).ToList();

        Assert.Equal([2m, 0m], committed);                       // two payments, nothing paid yet
        Assert.Equal([2m, 0.04m], paid);                         // 120 + 300 元 = 0.04 万元 (rounded)
        Assert.Equal(1m, returned[0]);
    }

    [Fact]
    public async Task OnlyAdministratorsChangeStandardsAndLeadersCannotRunBatches()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Elderly).SaveStandardAsync(new StandardRow(0, Guid.Empty, 100, null, 800, 202701)));
        await Service(TestUsers.Admin).SaveStandardAsync(new StandardRow(0, Guid.Empty, 100, null, 800, 202701));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Leader).CommitAsync(November));
    }
}
