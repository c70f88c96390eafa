using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialAssistance;

public sealed class AssistancePaymentTests : SocialAssistanceTestBase
{
    private static readonly Period November = new(2026, 11);

    [Fact]
    public async Task ASuspendedCaseGetsNoPaymentAndAnActiveOneGetsItsBenefit()
    {
        var paid = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0));   // 1800
        var suspended = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        await StepAsync(suspended, CaseAction.Suspend, "外出务工，收入待核实");
        var open = await OnNoticeAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 0));

        var preview = await Payments().PreviewAsync(November);

        var line = Assert.Single(preview.Lines);
        Assert.Equal((AssistanceProgram.Dibao, paid, 3, 1800m), (line.Program, line.CaseId, line.Persons, line.Amount));
        Assert.DoesNotContain(preview.Lines, l => l.CaseId == suspended || l.CaseId == open);
    }

    [Fact]
    public async Task ACaseSuspendedDuringTheRunningMonthIsNotInItsBatchAndOneResumedInTimeIs()
    {
        Today(new DateOnly(2026, 9, 1));
        var active = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0));
        var suspended = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        var resumed = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Rural, 100));
        Today(new DateOnly(2026, 11, 3));
        await StepAsync(suspended, CaseAction.Suspend, "外出务工，收入待核实");
        await StepAsync(resumed, CaseAction.Suspend, "外出务工，收入待核实");
        Today(new DateOnly(2026, 11, 10));
        await StepAsync(resumed, CaseAction.Resume, "核实无变化，恢复发放");
        Today(new DateOnly(2026, 11, 21));

        var created = await Payments().CommitAsync(November);

        var paid = await PaidCaseIdsAsync(November);
        Assert.Equal(2, created);
        Assert.Equal([active, resumed], paid.Order());
    }

    [Fact]
    public async Task AMonthBuiltLateJudgesEachCaseOnThatMonthsLastDayNotOnToday()
    {
        var october = new Period(2026, 10);
        Today(new DateOnly(2026, 9, 1));
        var suspendedInOctober = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        var exitedInOctober = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        var suspendedLater = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        var exitedLater = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        var resumedAfterOctober = await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        Today(new DateOnly(2026, 10, 15));
        await StepAsync(suspendedInOctober, CaseAction.Suspend, "收入待核实");
        await StepAsync(resumedAfterOctober, CaseAction.Suspend, "收入待核实");
        await StepAsync(exitedInOctober, CaseAction.Exit, "收入超过标准");
        Today(new DateOnly(2026, 11, 5));
        await StepAsync(suspendedLater, CaseAction.Suspend, "收入待核实");
        await StepAsync(exitedLater, CaseAction.Exit, "收入超过标准");
        await StepAsync(resumedAfterOctober, CaseAction.Resume, "核实无变化");
        Today(new DateOnly(2026, 11, 21));

        var preview = await Payments().PreviewAsync(october);
        await Payments().CommitAsync(october);

        // In payment on 31 October: the two changed in November were; the two changed in October were not.
        Assert.Equal([suspendedLater, exitedLater], preview.Lines.Select(l => l.CaseId).Order());
        Assert.Equal([suspendedLater, exitedLater], (await PaidCaseIdsAsync(october)).Order());
    }

    [Fact]
    public async Task RunningTheSameMonthTwiceCreatesNothingNew()
    {
        await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0));
        await Poverty().SaveAsync(new ExtremePovertyForm
        {
            IdNumber = TestIds.For("652722", new DateOnly(1950, 3, 3), 901), Name = "特困甲", DivisionCode = JingheTown, Mode = SupportMode.Dispersed,
            MonthlyAmount = 1100, StartedOn = new DateOnly(2026, 1, 1),
        });

        var first = await Payments().CommitAsync(November);
        var repeat = await Assert.ThrowsAsync<DomainException>(() => Payments().CommitAsync(November));
        var preview = await Payments().PreviewAsync(November);

        Assert.Equal(2, first);
        Assert.Contains("生成（2 笔），没有新的发放对象，无需重复生成", repeat.Message, StringComparison.Ordinal);
        Assert.Matches(@"已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 \S+ 生成", repeat.Message);
        Assert.Equal((0, 2), (preview.Lines.Count, preview.AlreadyPaid));
        var rows = (await Payments().PaymentsAsync(November, null, null, null, new PageRequest(0, 20))).Items;
        Assert.Equal(2900m, rows.Sum(r => r.Amount));
        Assert.Contains(rows, r => r.Name == "特困甲");
    }

    [Fact]
    public async Task ThePaymentListFindsByNameAndSortsByAmount()
    {
        await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0));    // 1800 元
        await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));          // 600 元
        await Poverty().SaveAsync(new ExtremePovertyForm
        {
            IdNumber = TestIds.For("652722", new DateOnly(1950, 3, 3), 901), Name = "特困甲", DivisionCode = JingheTown, Mode = SupportMode.Dispersed,
            MonthlyAmount = 1100, StartedOn = new DateOnly(2026, 1, 1),
        });
        await Payments().CommitAsync(November);

        var found = (await Payments().PaymentsAsync(November, null, null, null, new PageRequest(0, 20), text: "特困")).Items;
        var byAmount = (await Payments().PaymentsAsync(November, null, null, null, new PageRequest(0, 20, nameof(AssistancePaymentRow.Amount), Descending: true))).Items;
        var exported = new List<AssistancePaymentRow>();
        await foreach (var row in Payments().ExportAsync(November, null, null, null, text: "特困"))
        {
            exported.Add(row);
        }

        Assert.Equal(["特困甲"], found.Select(r => r.Name));
        Assert.Equal([1800m, 1100m, 600m], byAmount.Select(r => r.Amount));
        Assert.Equal(["特困甲"], exported.Select(r => r.Name));
    }

    [Fact]
    public async Task PaidAndReturnedUpdateTheMonthlyTotals()
    {
        await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0));
        await ActiveAsync(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));    // 600
        await Payments().CommitAsync(November);
        var rows = (await Payments().PaymentsAsync(November, null, null, null, new PageRequest(0, 20))).Items;

        await Payments().SettleAsync([.. rows.Select(r => r.Id)], PaymentStatus.Paid);
        var returned = await Assert.ThrowsAsync<DomainException>(() => Payments().SettleAsync([rows[0].Id], PaymentStatus.Returned));
        Assert.Contains("原因", returned.Message);
        await Payments().SettleAsync([rows.Single(r => r.Amount == 600m).Id], PaymentStatus.Returned, "账户冻结");

        await using var ctx = Db.CreateDbContext(TestUsers.Leader);
        var total = Assert.Single(ctx.AssistanceMonthlyTotals.Where(t => t.Period == November.Key).ToList());
        Assert.Equal((1, 3, 1800m), (total.Payments, total.Persons, total.PaidAmount));
    }

    [Fact]
    public async Task ThePovertyListFindsThoseWillingButNotCentralised()
    {
        Task<int> Add(int seq, SupportMode mode, bool willing) => Poverty().SaveAsync(new ExtremePovertyForm
        {
            IdNumber = TestIds.For("652722", new DateOnly(1950, 1, 1), seq), Name = $"特困{seq}", DivisionCode = JingheTown, Mode = mode, WillingCentralised = willing,
            FacilityName = mode == SupportMode.Centralised ? "精河县社会福利院" : null, MonthlyAmount = 1000, StartedOn = new DateOnly(2026, 1, 1),
        });
        await Add(911, SupportMode.Dispersed, willing: true);
        await Add(912, SupportMode.Dispersed, willing: false);
        await Add(913, SupportMode.Centralised, willing: true);

        var rows = (await Poverty().ListAsync(new ExtremePovertyFilter(WillingButNotCentralised: true), new PageRequest(0, 20))).Items;

        Assert.Equal("特困911", Assert.Single(rows).Name);
    }

    private async Task<List<int>> PaidCaseIdsAsync(Period period) =>
        [.. (await Payments().PaymentsAsync(period, null, null, null, new PageRequest(0, 100))).Items.Where(r => r.Program == AssistanceProgram.Dibao).Select(r => r.CaseId)];
}
