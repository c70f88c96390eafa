using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.Indicators;

/// <summary>Indicator values against small hand-made data sets where the right answer is worked out by hand.</summary>
public sealed class IndicatorEngineTests : IAsyncLifetime
{
    private const string Prefecture = "652700";
    private const string Jinghe = "652722";
    private static readonly Period November = new(2026, 11);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private IndicatorEngine Engine(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Leader), _db);

    private static IndicatorDefinition Def(string code) => IndicatorCatalog.Find(code)!;

    private async Task AddAsync(params object[] records)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.AddRange(records);
        await ctx.SaveChangesAsync();
    }

    // Payments written here bypass the allowance service, so their monthly totals are refreshed by hand.
    private async Task RefreshTotalsAsync(params int[] periods)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        await AllowanceTotals.RefreshAsync(ctx, periods);
    }

    private static CareFacility Facility(FacilityKind kind, string division, int beds = 0, int nursing = 0, DateOnly? opened = null, FacilityStatus status = FacilityStatus.Operating) =>
        new() { Name = $"{kind}-{division}-{beds}", Kind = kind, DivisionCode = division, TotalBeds = beds, NursingBeds = nursing, OpenedOn = opened ?? new DateOnly(2020, 1, 1), Status = status };

    private async Task<IndicatorResult> ComputeAsync(string code, string division = Prefecture, Period? period = null) =>
        (await Engine().ComputeAsync([Def(code)], period ?? November, division)).Single();

    [Fact]
    public async Task NursingBedRatioCountsOnlyCareInstitutionsInService()
    {
        await AddAsync(
            Facility(FacilityKind.CountyWelfareInstitute, Jinghe, beds: 100, nursing: 60),
            Facility(FacilityKind.PrivateCareHome, "652723100", beds: 50, nursing: 30),
            Facility(FacilityKind.CommunityDayCareCenter, "652722100", beds: 20, nursing: 0),        // not an institution
            Facility(FacilityKind.PrivateCareHome, "652701100", beds: 40, nursing: 0, status: FacilityStatus.Suspended)); // not in service

        var ratio = await ComputeAsync("EC01");

        Assert.Equal(60.0m, ratio.Current.Value);           // 90 / 150
        Assert.Equal((90m, 150m), (ratio.Current.Numerator!.Value, ratio.Current.Denominator!.Value));
        Assert.Equal(TargetStatus.Met, ratio.Status);        // target ≥ 55%
        Assert.Equal(60.0m, ratio.Breakdown.Single(b => b.DivisionCode == "652723").Value.Value);
        Assert.Equal(60.0m, ratio.Breakdown.Single(b => b.DivisionCode == Jinghe).Value.Value);
        Assert.Null(ratio.Breakdown.Single(b => b.DivisionCode == "652701").Value.Value); // no beds: no ratio, not 0
    }

    [Fact]
    public async Task RatiosRoundHalfAwayFromZeroAsStatisticsDo()
    {
        await AddAsync(Facility(FacilityKind.CountyWelfareInstitute, Jinghe, beds: 400, nursing: 233));

        var ratio = await ComputeAsync("EC01");

        Assert.Equal(58.3m, ratio.Current.Value); // 58.25 %: 四舍五入, not banker's 58.2
    }

    [Fact]
    public async Task TownshipCoverageCountsATownshipWithTwoCentresOnceAndIgnoresFarms()
    {
        await AddAsync(
            Facility(FacilityKind.TownshipCareCenter, "652722100"),   // 精河镇
            Facility(FacilityKind.TownshipCareCenter, "652722100"),   // a second one in 精河镇
            Facility(FacilityKind.TownshipCareCenter, "652722102"),   // 托里镇
            Facility(FacilityKind.TownshipCareCenter, "652722401"));  // 八家户农场: not a 乡镇街道

        var county = await ComputeAsync("EC02", Jinghe);
        var prefecture = await ComputeAsync("EC02");

        Assert.Equal((2m, 5m), (county.Current.Numerator!.Value, county.Current.Denominator!.Value)); // 5 乡镇 in 精河县
        Assert.Equal(40.0m, county.Current.Value);
        Assert.Equal(TargetStatus.NotMet, county.Status);
        Assert.Equal((2m, 23m), (prefecture.Current.Numerator!.Value, prefecture.Current.Denominator!.Value));
        Assert.Equal(100.0m, county.Breakdown.Single(b => b.DivisionCode == "652722100").Value.Value);
        Assert.Equal(0.0m, county.Breakdown.Single(b => b.DivisionCode == "652722101").Value.Value);
    }

    [Fact]
    public async Task AStockCountsWhatExistedAtThePeriodEnd()
    {
        await AddAsync(
            Facility(FacilityKind.MealServicePoint, "652722100", opened: new DateOnly(2026, 10, 31)),
            Facility(FacilityKind.MealServicePoint, "652722100", opened: new DateOnly(2026, 11, 30)),
            Facility(FacilityKind.MealServicePoint, "652722100", opened: new DateOnly(2026, 12, 1)));

        var result = await ComputeAsync("EC10");

        Assert.Equal(2m, result.Current.Value);
        Assert.Equal(1m, result.Previous.Value);
        Assert.Equal(1m, result.ChangeOnLastMonth);
    }

    [Fact]
    public async Task FlowsCountTheMonthAndYearToDateRestartsInJanuary()
    {
        var person = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1940, 1, 1), 11), TestIds.Today), "张三", "652722100");
        await AddAsync(person);
        var elderly = new ElderlyPerson { PersonId = person.Id, DivisionCode = "652722100", EmptyNest = true };
        await AddAsync(elderly);
        CareVisit Visit(int y, int m, int d) => new() { ElderlyPersonId = elderly.Id, DivisionCode = "652722100", VisitedOn = new DateOnly(y, m, d), Visitor = "网格员" };
        await AddAsync(Visit(2025, 12, 20), Visit(2026, 1, 5), Visit(2026, 1, 31), Visit(2026, 2, 1));

        var january = await ComputeAsync("EC21", period: new Period(2026, 1));
        var february = await ComputeAsync("EC21", period: new Period(2026, 2));
        var december = await ComputeAsync("EC21", period: new Period(2025, 12));

        Assert.Equal(2m, january.Current.Value);   // not December's visit
        Assert.Equal(1m, january.Previous.Value);  // December 2025, year-to-date of 2025
        Assert.Equal(3m, february.Current.Value);
        Assert.Equal(1m, december.Current.Value);
    }

    [Fact]
    public async Task AllowanceAmountsAreMonthYearToDateAndCumulativeWithTheOpeningBalance()
    {
        var person = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1940, 1, 1), 11), TestIds.Today), "李四", "652722100");
        await AddAsync(person);
        HighAgeAllowancePayment Pay(int period, decimal amount, PaymentStatus status = PaymentStatus.Paid) =>
            new() { PersonId = person.Id, DivisionCode = "652722100", Period = period, Age = 86, Amount = amount, Status = status };
        await AddAsync(Pay(202512, 100), Pay(202610, 150), Pay(202611, 150));
        await RefreshTotalsAsync(202512, 202610, 202611);
        await AddAsync(new OpeningBalance { IndicatorCode = "EC20", DivisionCode = Jinghe, Before = 202501, Value = 1_000_000 });

        var results = await Engine().ComputeAsync([Def("EC18"), Def("EC19"), Def("EC20")], November, Prefecture);

        Assert.Equal([0.02m, 0.03m, 100.04m], results.Select(r => r.Current.Value!.Value)); // 万元: 150 元; 300 元; 1,000,400 元
    }

    [Fact]
    public async Task ReturnedPaymentsAreNotCountedAsPaid()
    {
        var person = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1940, 1, 1), 11), TestIds.Today), "王五", "652722100");
        await AddAsync(person);
        await AddAsync(new HighAgeAllowancePayment { PersonId = person.Id, DivisionCode = "652722100", Period = 202611, Age = 86, Amount = 150, Status = PaymentStatus.Returned });
        await RefreshTotalsAsync(202611);

        var results = await Engine().ComputeAsync([Def("EC17"), Def("EC18")], November, Prefecture);

        Assert.All(results, r => Assert.Equal(0m, r.Current.Value));
    }

    [Fact]
    public async Task AClerkSeesOnlyTheirCountysFiguresAndCannotAskForThePrefecture()
    {
        await AddAsync(
            Facility(FacilityKind.MealServicePoint, "652722100"),
            Facility(FacilityKind.MealServicePoint, "652723100"));

        var own = (await Engine(TestUsers.Jinghe).ComputeAsync([Def("EC10")], November, Jinghe)).Single();

        Assert.Equal(1m, own.Current.Value);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Engine(TestUsers.Jinghe).ComputeAsync([Def("EC10")], November, Prefecture));
    }

    [Fact]
    public async Task ASeriesHasOneValuePerMonth()
    {
        await AddAsync(
            Facility(FacilityKind.PrivateCareHome, "652722100", beds: 10, nursing: 5, opened: new DateOnly(2026, 1, 15)),
            Facility(FacilityKind.PrivateCareHome, "652722100", beds: 10, nursing: 10, opened: new DateOnly(2026, 6, 1)));

        var series = await Engine().SeriesAsync(Def("EC01"), November, Prefecture);

        Assert.Equal(12, series.Count);
        Assert.Equal(new Period(2025, 12), series[0].Period);
        Assert.Null(series[0].Value);                                    // nothing open yet
        Assert.Equal(50.0m, series.Single(p => p.Period == new Period(2026, 5)).Value);
        Assert.Equal(75.0m, series[^1].Value);
    }
}
