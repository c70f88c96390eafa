using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>SA indicators against a few hand-made cases whose figures are worked out by hand.</summary>
public sealed class SocialAssistanceIndicatorTests : SocialAssistanceTestBase
{
    private const string Prefecture = "652700";
    private static readonly Period November = new(2026, 11);

    private IndicatorEngine Engine() => new(Db.ActAs(TestUsers.Leader), Db);

    private async Task<IReadOnlyDictionary<string, decimal?>> ComputeAsync(Period period, string division = Prefecture) =>
        (await Engine().ComputeAsync(SocialAssistanceIndicators.All, period, division)).ToDictionary(r => r.Definition.Code, r => r.Current.Value);

    [Fact]
    public async Task CountsHouseholdsPersonsSpendingAndProcessingDays()
    {
        // Urban: 3 persons confirmed 9 Nov (5 working days); rural: 2 persons confirmed 9 Nov, exited 20 Nov.
        await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0));     // 1800 元
        Today(new DateOnly(2026, 11, 2));
        var rural = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Rural, 200, 0));        // (600 − 100) × 2 = 1000 元
        Today(new DateOnly(2026, 11, 2));
        await Cases().ApplyAsync(await HouseholdAsync(WenquanTown, UrbanRural.Urban, 0), ApplicationChannel.Window, false, new DateOnly(2026, 10, 1));

        Today(new DateOnly(2026, 11, 10));
        await Payments().CommitAsync(November);
        var rows = (await Payments().PaymentsAsync(November, null, null, null, new PageRequest(0, 20))).Items;
        await Payments().SettleAsync([.. rows.Select(r => r.Id)], PaymentStatus.Paid);
        await Poverty().SaveAsync(new ExtremePovertyForm
        {
            IdNumber = TestIds.For("652722", new DateOnly(1950, 1, 1), 931), Name = "集中甲", DivisionCode = JingheTown, Mode = SupportMode.Centralised,
            FacilityName = "精河县社会福利院", MonthlyAmount = 1500, StartedOn = new DateOnly(2026, 6, 1),
        });
        Today(new DateOnly(2026, 11, 20));
        await StepAsync(rural, CaseAction.Exit, "家庭收入超过标准");

        var november = await ComputeAsync(November);
        var october = await ComputeAsync(new Period(2026, 10));

        Assert.Equal(1m, november["SA01"]);
        Assert.Equal(3m, november["SA02"]);
        Assert.Equal(0m, november["SA03"]);          // exited before the end of November
        Assert.Equal(0m, november["SA04"]);
        Assert.Equal(0.28m, november["SA05"]);       // 2800 元 = 0.28 万元
        Assert.Equal(0.28m, november["SA06"]);
        Assert.Equal(1m, november["SA07"]);
        Assert.Equal(0m, november["SA08"]);
        Assert.Equal(0m, november["SA13"]);          // the centralised person's wish is met
        Assert.Equal(5m, november["SA11"]);          // both confirmed after 5 working days
        Assert.Equal(0m, october["SA01"]);           // confirmed in November
        Assert.Equal(1m, october["SA07"]);           // supported since June
        Assert.Null(october["SA11"]);                // nothing confirmed in October
        Assert.Equal(1m, november["SA12"]);          // the 温泉县 case applied 1 October, past 25 working days
        Assert.Equal(0m, october["SA12"]);
    }

    [Fact]
    public async Task ASuspendedCaseLeavesTheStockUntilResumedAndEarlierMonthsKeepTheirFigures()
    {
        // Confirmed 9 November (3 persons, urban); suspended 2 December; resumed 5 January.
        var id = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0));
        Today(new DateOnly(2026, 12, 2));
        await StepAsync(id, CaseAction.Suspend, "外出务工，收入待核实");
        var whileSuspended = await ComputeAsync(new Period(2026, 12));
        Today(new DateOnly(2027, 1, 5));
        await StepAsync(id, CaseAction.Resume, "核实无变化，恢复发放");

        var november = await ComputeAsync(November);
        var december = await ComputeAsync(new Period(2026, 12));
        var january = await ComputeAsync(new Period(2027, 1));

        Assert.Equal((1m, 3m), (november["SA01"]!.Value, november["SA02"]!.Value));
        Assert.Equal((0m, 0m), (whileSuspended["SA01"]!.Value, whileSuspended["SA02"]!.Value));
        Assert.Equal((0m, 0m), (december["SA01"]!.Value, december["SA02"]!.Value));   // still suspended at the end of December
        Assert.Equal((1m, 3m), (january["SA01"]!.Value, january["SA02"]!.Value));
    }

    [Fact]
    public async Task AWillingDispersedPersonCountsAgainstTheZeroTargetUntilCentralised()
    {
        await Poverty().SaveAsync(new ExtremePovertyForm
        {
            IdNumber = TestIds.For("652722", new DateOnly(1948, 2, 2), 933), Name = "分散乙", DivisionCode = JingheTown, Mode = SupportMode.Dispersed,
            WillingCentralised = true, MonthlyAmount = 1100, StartedOn = new DateOnly(2026, 3, 1),
        });

        var result = (await Engine().ComputeAsync(SocialAssistanceIndicators.All, November, Prefecture)).Single(r => r.Definition.Code == "SA13");

        Assert.Equal(1m, result.Current.Value);
        Assert.False(result.Definition.Target!.IsMet(result.Current.Value!.Value));
    }
}
