using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialAssistance;

public sealed class DibaoCaseTests : SocialAssistanceTestBase
{
    [Fact]
    public async Task ACaseCannotBeConfirmedBeforeTheNoticePeriodEnds()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 200, 0);
        var id = await OnNoticeAsync(household);

        Today(new DateOnly(2026, 11, 8));   // six days into a seven-day notice
        var early = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, CaseAction.Confirm));
        Assert.Contains("公示期", early.Message);
        Assert.DoesNotContain(CaseAction.Confirm, (await Cases().GetAsync(id))!.Allowed);

        Today(new DateOnly(2026, 11, 9));
        await StepAsync(id, CaseAction.Confirm);
        var detail = (await Cases().GetAsync(id))!;
        Assert.Equal(CaseState.Active, detail.Case.State);
    }

    [Fact]
    public async Task ACloseRelativeCaseNeedsACountyReviewByACountyUserBeforeConfirmation()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        var id = await OnNoticeAsync(household, closeRelative: true);
        Today(new DateOnly(2026, 11, 10));

        var unreviewed = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, CaseAction.Confirm));
        Assert.Contains("县级复核", unreviewed.Message);

        var township = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, CaseAction.CountyReview, "复核", TestUsers.JingheTown));
        Assert.Contains("乡镇账户不能办理", township.Message);

        await StepAsync(id, CaseAction.CountyReview, "县级复核无异议", TestUsers.Jinghe);
        await StepAsync(id, CaseAction.Confirm, user: TestUsers.JingheTown);

        var detail = (await Cases().GetAsync(id))!;
        Assert.Equal(CaseState.Active, detail.Case.State);
        Assert.Equal("jinghe", detail.CountyReviewedBy);
        Assert.Equal(
            [CaseAction.Apply, CaseAction.StartReview, CaseAction.PublishNotice, CaseAction.CountyReview, CaseAction.Confirm],
            detail.History.Select(h => h.Action));
        Assert.Equal((CaseState.OnNotice, CaseState.Active), (detail.History[^1].From, detail.History[^1].To));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task RefusingRequiresAReason(string? reason)
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        var id = await Cases().ApplyAsync(household, ApplicationChannel.Online, false, Clock.Today());

        var refused = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, CaseAction.Refuse, reason));
        Assert.Contains("理由", refused.Message);

        await StepAsync(id, CaseAction.Refuse, "家庭有机动车辆，不符合条件");
        var detail = (await Cases().GetAsync(id))!;
        Assert.Equal(CaseState.Refused, detail.Case.State);
        Assert.Equal("家庭有机动车辆，不符合条件", detail.History[^1].Comment);
    }

    [Fact]
    public async Task ARefusedOrExitedCaseAllowsNoFurtherStep()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        var id = await Cases().ApplyAsync(household, ApplicationChannel.Window, false, Clock.Today());
        await StepAsync(id, CaseAction.Refuse, "收入超标");

        var ex = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, CaseAction.StartReview));
        Assert.Contains("不予批准", ex.Message);
        Assert.Empty((await Cases().GetAsync(id))!.Allowed);
    }

    [Fact]
    public async Task TheBenefitUsesTheStandardOfTheConfirmationDay()
    {
        // Three members, incomes 300 + 0 + 0: per capita 100 元.
        var november = await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0);
        var december = await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0);
        var a = await OnNoticeAsync(november);
        Today(new DateOnly(2026, 11, 23));
        var b = await OnNoticeAsync(december);

        Today(new DateOnly(2026, 11, 30));
        await StepAsync(a, CaseAction.Confirm);          // standard 700 until 30 November
        Today(new DateOnly(2026, 12, 1));
        await StepAsync(b, CaseAction.Confirm);          // 800 from 1 December

        Assert.Equal(1800m, (await Cases().GetAsync(a))!.Case.MonthlyBenefit);   // (700 − 100) × 3
        Assert.Equal(2100m, (await Cases().GetAsync(b))!.Case.MonthlyBenefit);   // (800 − 100) × 3
    }

    [Fact]
    public void TheBenefitIsNeverNegativeAndTopUpsFollowTheStandard()
    {
        Assert.Equal((0m, 0m), DibaoCase.Benefit(600, 650, 3, 1, 0.1m));
        Assert.Equal((300m, 120m), DibaoCase.Benefit(600, 500, 3, 2, 0.1m));   // (600 − 500) × 3, 2 × 60
    }

    [Fact]
    public async Task AHouseholdAtOrAboveTheStandardCannotBeConfirmed()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Rural, 700, 600);   // per capita 650 > 600
        var id = await OnNoticeAsync(household);
        Today(new DateOnly(2026, 11, 9));

        var ex = await Assert.ThrowsAsync<DomainException>(() => StepAsync(id, CaseAction.Confirm));
        Assert.Contains("不低于当地低保标准", ex.Message);
        Assert.Equal(CaseState.OnNotice, (await Cases().GetAsync(id))!.Case.State);
    }

    [Fact]
    public async Task NoticeNeedsTheSurveyAndIncomeCheck()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        var id = await Cases().ApplyAsync(household, ApplicationChannel.ActiveDiscovery, false, Clock.Today());
        await StepAsync(id, CaseAction.StartReview);

        var ex = await Assert.ThrowsAsync<DomainException>(async () =>
            await Cases().TransitionAsync(id, await VersionAsync(id), new TransitionRequest(CaseAction.PublishNotice, SurveyDone: true, IncomeChecked: false)));
        Assert.Contains("收入核查", ex.Message);
    }

    [Fact]
    public async Task AStaleVersionIsRefused()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        var id = await Cases().ApplyAsync(household, ApplicationChannel.Window, false, Clock.Today());
        var stale = await VersionAsync(id);
        await StepAsync(id, CaseAction.StartReview);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Cases().TransitionAsync(id, stale, new TransitionRequest(CaseAction.Refuse, "重复")));
    }

    [Fact]
    public async Task OverdueCasesAreFoundByWorkingDays()
    {
        // Applied Monday 2 November: review deadline = 15 working days later = Monday 23 November.
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        var id = await Cases().ApplyAsync(household, ApplicationChannel.Window, false, Clock.Today());
        var detail = (await Cases().GetAsync(id))!;
        Assert.Equal(new DateOnly(2026, 11, 23), detail.Case.DueOn);
        Assert.Equal(new DateOnly(2026, 12, 7), detail.ProcessDueOn);    // 25 working days

        Today(new DateOnly(2026, 11, 23));
        Assert.Empty(await Cases().OverdueAsync());
        Today(new DateOnly(2026, 11, 24));
        Assert.Equal(id, Assert.Single(await Cases().OverdueAsync()).Id);
        Assert.Single((await Cases().ListAsync(new CaseFilter(OverdueOnly: true), new PageRequest(0, 20))).Items);

        await StepAsync(id, CaseAction.Refuse, "逾期未补充材料");
        Assert.Empty(await Cases().OverdueAsync());
    }

    [Fact]
    public void WorkingDaysSkipWeekends()
    {
        var friday = new DateOnly(2026, 11, 6);
        Assert.Equal(new DateOnly(2026, 11, 9), WorkingDays.Add(friday, 1));
        Assert.Equal(5, WorkingDays.Between(friday, new DateOnly(2026, 11, 13)));
        Assert.Equal(0, WorkingDays.Between(friday, new DateOnly(2026, 11, 8)));
    }

    [Fact]
    public async Task AJingheClerkCanNeitherSeeNorChangeAWenquanHousehold()
    {
        var wenquan = await HouseholdAsync(WenquanTown, UrbanRural.Urban, 100);
        var wenquanCase = await Cases(TestUsers.Wenquan).ApplyAsync(wenquan, ApplicationChannel.Window, false, Clock.Today());

        Assert.Null(await Households(TestUsers.Jinghe).GetAsync(wenquan));
        Assert.Null(await Cases(TestUsers.Jinghe).GetAsync(wenquanCase));
        Assert.Empty((await Cases(TestUsers.Jinghe).ListAsync(new CaseFilter(), new PageRequest(0, 20))).Items);
        await Assert.ThrowsAsync<DomainException>(() => Cases(TestUsers.Jinghe).ApplyAsync(wenquan, ApplicationChannel.Window, false, Clock.Today()));
        await Assert.ThrowsAsync<DomainException>(() => Cases(TestUsers.Jinghe).TransitionAsync(wenquanCase, Guid.Empty, new TransitionRequest(CaseAction.Refuse, "越权")));
        var form = (await Households(TestUsers.Wenquan).GetAsync(wenquan))!;
        await Assert.ThrowsAsync<DomainException>(() => Households(TestUsers.Jinghe).SaveAsync(form));
        Assert.Equal(CaseState.Applied, (await Cases(TestUsers.Wenquan).GetAsync(wenquanCase))!.Case.State);
    }

    [Fact]
    public async Task AHouseholdCannotHaveTwoCasesInProgress()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        await Cases().ApplyAsync(household, ApplicationChannel.Window, false, Clock.Today());

        var ex = await Assert.ThrowsAsync<DomainException>(() => Cases().ApplyAsync(household, ApplicationChannel.Online, false, Clock.Today()));
        Assert.Contains("不能重复申请", ex.Message);
    }

    [Fact]
    public async Task AnApplicationBackDatedIntoASubmittedMonthIsRefusedAndLaterOnesAreNot()
    {
        await using (var ctx = Db.CreateDbContext(UserContext.System))
        {
            ctx.ReportSubmissions.Add(new CivilAffairs.Core.Reporting.ReportSubmission
            {
                DivisionCode = "652722", Period = 202610, Number = 1, State = CivilAffairs.Core.Reporting.SubmissionState.Submitted,
                SubmittedAt = At(new DateOnly(2026, 11, 1)), SubmittedBy = "jhstat",
            });
            await ctx.SaveChangesAsync();
        }

        var household = await HouseholdAsync(JingheTown, UrbanRural.Rural, 100);

        var error = await Assert.ThrowsAsync<DomainException>(() => Cases().ApplyAsync(household, ApplicationChannel.Window, false, new DateOnly(2026, 10, 30)));
        var id = await Cases().ApplyAsync(household, ApplicationChannel.Window, false, new DateOnly(2026, 11, 2));

        Assert.Contains("2026年10月的统计报表已报送", error.Message);
        var detail = await Cases().GetAsync(id);
        Assert.Equal(new DateOnly(2026, 11, 2), detail!.Case.AppliedOn);
    }
}
