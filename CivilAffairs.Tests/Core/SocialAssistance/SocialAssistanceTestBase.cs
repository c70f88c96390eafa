using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>A database with 低保 standards for 精河县 and 温泉县, a movable clock, and helpers to walk a case through its steps.</summary>
public abstract class SocialAssistanceTestBase : IAsyncLifetime
{
    protected const string JingheTown = "652722100";
    protected const string WenquanTown = "652723100";

    /// <summary>The rules' tests run on 2 November 2026 (a Monday) unless a subclass names another instant.</summary>
    protected SocialAssistanceTestBase(DateTimeOffset? now = null) => Clock = new(now ?? At(new DateOnly(2026, 11, 2)));

    protected FixedClock Clock { get; }

    protected TestDatabase Db { get; private set; } = default!;

    protected static SocialAssistanceOptions Options { get; } = new();

    private int _sequence = 100;

    public virtual async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(Clock);
        await using var ctx = Db.CreateDbContext(UserContext.System);
        ctx.AssistanceStandards.AddRange(
            new AssistanceStandard { CountyCode = "652722", Area = UrbanRural.Urban, MonthlyAmount = 700, EffectiveFrom = new DateOnly(2025, 1, 1) },
            new AssistanceStandard { CountyCode = "652722", Area = UrbanRural.Urban, MonthlyAmount = 800, EffectiveFrom = new DateOnly(2026, 12, 1) },
            new AssistanceStandard { CountyCode = "652722", Area = UrbanRural.Rural, MonthlyAmount = 600, EffectiveFrom = new DateOnly(2025, 1, 1) },
            new AssistanceStandard { CountyCode = "652723", Area = UrbanRural.Urban, MonthlyAmount = 780, EffectiveFrom = new DateOnly(2025, 1, 1) });
        await ctx.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    protected static DateTimeOffset At(DateOnly day) => new(day.Year, day.Month, day.Day, 4, 0, 0, TimeSpan.Zero);

    protected void Today(DateOnly day) => Clock.Now = At(day);

    protected HouseholdService Households(UserContext? user = null) => new(Db.ActAs(user ?? TestUsers.Jinghe), Db, Clock);

    protected DibaoCaseService Cases(UserContext? user = null) => new(Db.ActAs(user ?? TestUsers.Jinghe), Db, Clock, Microsoft.Extensions.Options.Options.Create(Options));

    protected AssistancePaymentService Payments(UserContext? user = null) => new(Db.ActAs(user ?? TestUsers.Jinghe), Db, Clock);

    protected ExtremePovertyService Poverty(UserContext? user = null) => new(Db.ActAs(user ?? TestUsers.Jinghe), Db, Clock);

    /// <summary>A household of the given members' monthly incomes (the first is the head).</summary>
    protected async Task<int> HouseholdAsync(string division, UrbanRural area, params decimal[] incomes)
    {
        var user = division.StartsWith("652723", StringComparison.Ordinal) ? TestUsers.Wenquan : TestUsers.Jinghe;
        var form = new HouseholdForm { DivisionCode = division, Area = area, Address = "测试路1号" };
        for (var i = 0; i < incomes.Length; i++)
        {
            form.Members.Add(new MemberForm
            {
                IdNumber = TestIds.For(division[..6], new DateOnly(1980 + i, 1, 1), _sequence++), Name = $"成员{_sequence}",
                Relation = i == 0 ? HouseholdRelation.Head : HouseholdRelation.Child, MonthlyIncome = incomes[i],
            });
        }

        return await Households(user).SaveAsync(form);
    }

    protected async Task<Guid> VersionAsync(int caseId, UserContext? user = null) => (await Cases(user).GetAsync(caseId))!.Version;

    protected async Task StepAsync(int caseId, CaseAction action, string? comment = null, UserContext? user = null) =>
        await Cases(user).TransitionAsync(caseId, await VersionAsync(caseId, user), new TransitionRequest(action, comment, SurveyDone: true, IncomeChecked: true));

    /// <summary>Applies today, reviews, publishes the notice today and returns the case (on notice).</summary>
    protected async Task<int> OnNoticeAsync(int householdId, bool closeRelative = false, UserContext? user = null)
    {
        var id = await Cases(user).ApplyAsync(householdId, ApplicationChannel.Window, closeRelative, Clock.Today());
        await StepAsync(id, CaseAction.StartReview, user: user);
        await StepAsync(id, CaseAction.PublishNotice, user: user);
        return id;
    }

    /// <summary>A case walked to 在保: notice today, confirmed after the notice ends (the clock moves on).</summary>
    protected async Task<int> ActiveAsync(int householdId)
    {
        var id = await OnNoticeAsync(householdId);
        Today(Clock.Today().AddDays(Options.NoticeDays));
        await StepAsync(id, CaseAction.Confirm);
        return id;
    }
}
