using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>Where a 低保 case is in its procedure.</summary>
public enum CaseState
{
    /// <summary>已申请.</summary>
    Applied = 1,
    /// <summary>乡镇审核中 (household survey, income check).</summary>
    UnderReview = 2,
    /// <summary>公示中.</summary>
    OnNotice = 3,
    /// <summary>在保 (confirmed, paid monthly).</summary>
    Active = 4,
    /// <summary>定期复核中 (still paid).</summary>
    PeriodicReview = 5,
    /// <summary>暂停.</summary>
    Suspended = 6,
    /// <summary>退出.</summary>
    Exited = 7,
    /// <summary>不予批准.</summary>
    Refused = 8,
}

/// <summary>What a user can do to a case; each is recorded as a <see cref="CaseTransition"/>.</summary>
public enum CaseAction
{
    Apply = 1,
    StartReview = 2,
    PublishNotice = 3,
    CountyReview = 4,
    Confirm = 5,
    StartPeriodicReview = 6,
    CompletePeriodicReview = 7,
    Suspend = 8,
    Resume = 9,
    Exit = 10,
    Refuse = 11,
}

/// <summary>申请渠道.</summary>
public enum ApplicationChannel
{
    /// <summary>窗口受理.</summary>
    Window = 1,
    /// <summary>新疆救助通 (online).</summary>
    Online = 2,
    /// <summary>主动发现.</summary>
    ActiveDiscovery = 3,
}

public static class CaseStates
{
    public static bool IsOpen(this CaseState state) => state is CaseState.Applied or CaseState.UnderReview or CaseState.OnNotice;

    /// <summary>States in which the household is paid each month.</summary>
    public static bool IsPaid(this CaseState state) => state is CaseState.Active or CaseState.PeriodicReview;

    public static readonly CaseState[] Open = [CaseState.Applied, CaseState.UnderReview, CaseState.OnNotice];

    public static readonly CaseState[] Paid = [CaseState.Active, CaseState.PeriodicReview];

    public static string ChineseName(this CaseState state) => state switch
    {
        CaseState.Applied => "已申请",
        CaseState.UnderReview => "乡镇审核中",
        CaseState.OnNotice => "公示中",
        CaseState.Active => "在保",
        CaseState.PeriodicReview => "定期复核中",
        CaseState.Suspended => "暂停",
        CaseState.Exited => "已退出",
        CaseState.Refused => "不予批准",
        _ => state.ToString(),
    };

    public static string ChineseName(this CaseAction action) => action switch
    {
        CaseAction.Apply => "受理申请",
        CaseAction.StartReview => "开始乡镇审核",
        CaseAction.PublishNotice => "审核通过并公示",
        CaseAction.CountyReview => "县级复核（近亲属）",
        CaseAction.Confirm => "确认纳入低保",
        CaseAction.StartPeriodicReview => "开始定期复核",
        CaseAction.CompletePeriodicReview => "完成定期复核",
        CaseAction.Suspend => "暂停发放",
        CaseAction.Resume => "恢复发放",
        CaseAction.Exit => "退出低保",
        CaseAction.Refuse => "不予批准",
        _ => action.ToString(),
    };

    public static string ChineseName(this ApplicationChannel channel) => channel switch
    {
        ApplicationChannel.Window => "窗口受理",
        ApplicationChannel.Online => "新疆救助通",
        ApplicationChannel.ActiveDiscovery => "主动发现",
        _ => channel.ToString(),
    };

    public static string ChineseName(this UrbanRural area) => area == UrbanRural.Urban ? "城市" : "农村";

    /// <summary>Actions that need a reason (not just an optional comment).</summary>
    public static bool NeedsReason(this CaseAction action) => action is CaseAction.Refuse or CaseAction.Suspend or CaseAction.Exit;
}

/// <summary>Who acts on a case and when.</summary>
public sealed record CaseActor(UserContext User, DateOnly Today, DateTimeOffset Now);

/// <summary>
/// 低保 case of one household, a state machine: every change goes through a method that checks the
/// rule, moves the state and appends a <see cref="CaseTransition"/>.
/// </summary>
public sealed class DibaoCase : Entity, IDivisionScoped, IServiceLineRecord
{
    public const int ReasonMaxLength = 500;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    private DibaoCase()
    {
    }

    public int HouseholdId { get; private set; }

    public Household? Household { get; private set; }

    public string DivisionCode { get; private set; } = string.Empty;

    public UrbanRural Area { get; private set; }

    public ApplicationChannel Channel { get; private set; }

    public CaseState State { get; private set; }

    /// <summary>近亲属: the applicant is a close relative of a civil-affairs worker or cadre; needs county review.</summary>
    public bool CloseRelativeOfWorker { get; private set; }

    public DateOnly AppliedOn { get; private set; }

    /// <summary>Deadline of the whole procedure (application + N working days).</summary>
    public DateOnly ProcessDueOn { get; private set; }

    /// <summary>Deadline of the current step while the case is open (never after <see cref="ProcessDueOn"/>).</summary>
    public DateOnly? DueOn { get; private set; }

    public DateOnly? NoticeFrom { get; private set; }

    public DateOnly? NoticeUntil { get; private set; }

    public DateOnly? CountyReviewedOn { get; private set; }

    public string? CountyReviewedBy { get; private set; }

    /// <summary>Day of confirmation or refusal.</summary>
    public DateOnly? DecidedOn { get; private set; }

    public DateOnly? ConfirmedOn { get; private set; }

    public DateOnly? ExitedOn { get; private set; }

    /// <summary>Working days from application to confirmation.</summary>
    public int? ProcessingDays { get; private set; }

    /// <summary>Members covered (at confirmation or the latest review).</summary>
    public int Members { get; private set; }

    public decimal PerCapitaIncome { get; private set; }

    /// <summary>The standard used for the benefit, 元/person/month.</summary>
    public decimal StandardAmount { get; private set; }

    public decimal TopUp { get; private set; }

    /// <summary>Monthly benefit in 元 = (standard − per-capita income) × members + top-ups, never negative.</summary>
    public decimal MonthlyBenefit { get; private set; }

    public string? Reason { get; private set; }

    public List<CaseTransition> Transitions { get; } = [];

    /// <param name="calendar">The official calendar the deadlines are counted in (Monday–Friday when null).</param>
    public static DibaoCase Apply(Household household, ApplicationChannel channel, bool closeRelative, DateOnly appliedOn, CaseActor actor, SocialAssistanceOptions options, string? comment, WorkingCalendar? calendar = null)
    {
        if (appliedOn > actor.Today)
        {
            throw new DomainException("申请日期不能晚于今天。");
        }

        var c = new DibaoCase
        {
            HouseholdId = household.Id, Household = household.Id == 0 ? household : null, DivisionCode = household.DivisionCode, Area = household.Area,
            Channel = channel, CloseRelativeOfWorker = closeRelative, AppliedOn = appliedOn, State = CaseState.Applied,
            ProcessDueOn = WorkingDays.Add(appliedOn, options.WholeProcessWorkingDays, calendar), Members = household.Members.Count,
            PerCapitaIncome = household.PerCapitaIncome,
        };
        c.DueOn = Min(WorkingDays.Add(appliedOn, options.ReviewWorkingDays, calendar), c.ProcessDueOn);

        // The application step is dated by the day the application was received, which may be earlier
        // than the day it is keyed in: that places it in its reporting month (and under that month's lock).
        c.Record(CaseAction.Apply, CaseState.Applied, CaseState.Applied, actor with { Today = appliedOn }, comment);
        return c;
    }

    public void StartReview(CaseActor actor, string? comment)
    {
        Require(CaseAction.StartReview, CaseState.Applied);
        Move(CaseAction.StartReview, CaseState.UnderReview, actor, comment);
    }

    /// <summary>Ends the township review with a favourable finding and starts the 公示.</summary>
    public void PublishNotice(bool surveyDone, bool incomeChecked, CaseActor actor, SocialAssistanceOptions options, string? comment, WorkingCalendar? calendar = null)
    {
        Require(CaseAction.PublishNotice, CaseState.UnderReview);
        if (!surveyDone || !incomeChecked)
        {
            throw new DomainException("须完成入户调查和家庭收入核查后才能公示。");
        }

        NoticeFrom = actor.Today;
        NoticeUntil = actor.Today.AddDays(options.NoticeDays);
        DueOn = Min(WorkingDays.Add(NoticeUntil.Value, options.ConfirmationWorkingDays, calendar), ProcessDueOn);
        Move(CaseAction.PublishNotice, CaseState.OnNotice, actor, comment);
    }

    /// <summary>县级复核 of a close-relative case, by a county- or prefecture-scope user, before confirmation.</summary>
    public void RecordCountyReview(CaseActor actor, string? comment)
    {
        if (!CloseRelativeOfWorker)
        {
            throw new DomainException("只有近亲属备案的申请需要县级复核。");
        }

        if (!State.IsOpen())
        {
            throw new DomainException($"案件当前状态为“{State.ChineseName()}”，不能再做县级复核。");
        }

        if (DivisionCatalog.Find(actor.User.Scope.DivisionCode) is not { Level: DivisionLevel.County or DivisionLevel.Prefecture })
        {
            throw new DomainException("县级复核须由县（市）民政部门的账户办理，乡镇账户不能办理。");
        }

        CountyReviewedOn = actor.Today;
        CountyReviewedBy = actor.User.DisplayName;
        Record(CaseAction.CountyReview, State, State, actor, comment);
    }

    /// <summary>Confirms the case after the notice: computes the benefit from the household and the standard of the day.</summary>
    public void Confirm(Household household, AssistanceStandard? standard, CaseActor actor, SocialAssistanceOptions options, string? comment, WorkingCalendar? calendar = null)
    {
        Require(CaseAction.Confirm, CaseState.OnNotice);
        if (NoticeUntil is { } until && actor.Today < until)
        {
            throw new DomainException($"公示期至 {until:yyyy-MM-dd} 结束，公示期满前不能确认。");
        }

        if (CloseRelativeOfWorker && CountyReviewedOn is null)
        {
            throw new DomainException("该申请人为民政干部或村（社区）干部近亲属，须先经县级复核才能确认。");
        }

        ApplyBenefit(household, standard, actor.Today, options);
        if (MonthlyBenefit <= 0)
        {
            throw new DomainException("家庭月人均收入不低于当地低保标准，不符合纳入条件，请作“不予批准”处理。");
        }

        ConfirmedOn = DecidedOn = actor.Today;
        ProcessingDays = WorkingDays.Between(AppliedOn, actor.Today, calendar);
        DueOn = null;
        Move(CaseAction.Confirm, CaseState.Active, actor, comment);
    }

    public void StartPeriodicReview(CaseActor actor, string? comment)
    {
        Require(CaseAction.StartPeriodicReview, CaseState.Active);
        Move(CaseAction.StartPeriodicReview, CaseState.PeriodicReview, actor, comment);
    }

    /// <summary>Ends a periodic review: the benefit is recomputed; a household no longer below the standard must exit instead.</summary>
    public void CompletePeriodicReview(Household household, AssistanceStandard? standard, CaseActor actor, SocialAssistanceOptions options, string? comment)
    {
        Require(CaseAction.CompletePeriodicReview, CaseState.PeriodicReview);
        var before = (Members, PerCapitaIncome, StandardAmount, TopUp, MonthlyBenefit);
        ApplyBenefit(household, standard, actor.Today, options);
        if (MonthlyBenefit <= 0)
        {
            (Members, PerCapitaIncome, StandardAmount, TopUp, MonthlyBenefit) = before;
            throw new DomainException("复核后家庭月人均收入不低于当地低保标准，请办理“退出低保”。");
        }

        Move(CaseAction.CompletePeriodicReview, CaseState.Active, actor, comment);
    }

    public void Suspend(CaseActor actor, string? reason)
    {
        Require(CaseAction.Suspend, CaseState.Active, CaseState.PeriodicReview);
        Move(CaseAction.Suspend, CaseState.Suspended, actor, RequireReason(reason, "暂停发放须填写原因。"));
    }

    public void Resume(CaseActor actor, string? comment)
    {
        Require(CaseAction.Resume, CaseState.Suspended);
        Move(CaseAction.Resume, CaseState.Active, actor, comment);
    }

    public void Exit(CaseActor actor, string? reason)
    {
        Require(CaseAction.Exit, CaseState.Active, CaseState.PeriodicReview, CaseState.Suspended);
        ExitedOn = actor.Today;
        Move(CaseAction.Exit, CaseState.Exited, actor, RequireReason(reason, "退出低保须填写原因。"));
    }

    /// <summary>不予批准, from any open step, with a mandatory reason.</summary>
    public void Refuse(CaseActor actor, string? reason)
    {
        Require(CaseAction.Refuse, CaseStates.Open);
        DecidedOn = actor.Today;
        DueOn = null;
        Move(CaseAction.Refuse, CaseState.Refused, actor, RequireReason(reason, "不予批准须填写理由。"));
    }

    /// <summary>The actions the state allows now (the page shows a button for each; the methods re-check).</summary>
    public IReadOnlyList<CaseAction> AllowedActions(UserContext user, DateOnly today)
    {
        var actions = State switch
        {
            CaseState.Applied => [CaseAction.StartReview, CaseAction.Refuse],
            CaseState.UnderReview => [CaseAction.PublishNotice, CaseAction.Refuse],
            CaseState.OnNotice => new List<CaseAction> { CaseAction.Confirm, CaseAction.Refuse },
            CaseState.Active => [CaseAction.StartPeriodicReview, CaseAction.Suspend, CaseAction.Exit],
            CaseState.PeriodicReview => [CaseAction.CompletePeriodicReview, CaseAction.Suspend, CaseAction.Exit],
            CaseState.Suspended => [CaseAction.Resume, CaseAction.Exit],
            _ => [],
        };
        if (State == CaseState.OnNotice && ((NoticeUntil is { } until && today < until) || (CloseRelativeOfWorker && CountyReviewedOn is null)))
        {
            actions.Remove(CaseAction.Confirm);
        }

        if (CloseRelativeOfWorker && CountyReviewedOn is null && State.IsOpen()
            && DivisionCatalog.Find(user.Scope.DivisionCode) is { Level: DivisionLevel.County or DivisionLevel.Prefecture })
        {
            actions.Insert(0, CaseAction.CountyReview);
        }

        return actions;
    }

    public bool IsOverdue(DateOnly today) => State.IsOpen() && DueOn is { } due && today > due;

    /// <summary>(standard − per-capita income) × members, never negative, plus the classified top-ups.</summary>
    public static (decimal Base, decimal TopUp) Benefit(decimal standard, decimal perCapitaIncome, int members, int classified, decimal topUpRate)
    {
        var gap = Math.Max(0m, standard - perCapitaIncome) * members;
        var topUp = gap > 0 ? Math.Round(standard * topUpRate * classified, 2, MidpointRounding.AwayFromZero) : 0m;
        return (Math.Round(gap, 2, MidpointRounding.AwayFromZero), topUp);
    }

    private void ApplyBenefit(Household household, AssistanceStandard? standard, DateOnly on, SocialAssistanceOptions options)
    {
        if (household.Id != HouseholdId)
        {
            throw new InvalidOperationException("The household does not belong to the case.");
        }

        if (standard is null)
        {
            throw new DomainException($"{DivisionCatalog.NameOf(AssistanceStandard.CountyOf(DivisionCode))}尚未设置 {on:yyyy-MM-dd} 适用的{Area.ChineseName()}低保标准，请先由管理员设置。");
        }

        if (household.Members.Count == 0)
        {
            throw new DomainException("家庭成员为空，请先登记家庭成员。");
        }

        Members = household.Members.Count;
        PerCapitaIncome = household.PerCapitaIncome;
        StandardAmount = standard.MonthlyAmount;
        var (gap, topUp) = Benefit(standard.MonthlyAmount, PerCapitaIncome, Members, household.Members.Count(m => m.ClassifiedTopUp), options.TopUpRate);
        TopUp = topUp;
        MonthlyBenefit = gap + topUp;
    }

    private void Require(CaseAction action, params CaseState[] from)
    {
        if (!from.Contains(State))
        {
            throw new DomainException($"案件当前状态为“{State.ChineseName()}”，不能“{action.ChineseName()}”。");
        }
    }

    private string RequireReason(string? reason, string message)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException(message);
        }

        if (text.Length > ReasonMaxLength)
        {
            throw new DomainException($"原因不能超过 {ReasonMaxLength} 个字。");
        }

        Reason = text;
        return text;
    }

    private void Move(CaseAction action, CaseState to, CaseActor actor, string? comment)
    {
        var from = State;
        State = to;
        Record(action, from, to, actor, comment);
    }

    private void Record(CaseAction action, CaseState from, CaseState to, CaseActor actor, string? comment)
    {
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > ReasonMaxLength })
        {
            throw new DomainException($"意见不能超过 {ReasonMaxLength} 个字。");
        }

        Transitions.Add(new CaseTransition
        {
            DivisionCode = DivisionCode, Action = action, From = from, To = to, ByUserName = actor.User.UserName, ByDisplayName = actor.User.DisplayName,
            At = actor.Now, On = actor.Today, Comment = text,
        });
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>
/// One step of a case: from, to, who, when and why. Steps are what the 低保 stock, processing time and
/// overdue figures of a month are read from, so a step dated in a submitted month is refused.
/// </summary>
public sealed class CaseTransition : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public static ServiceLine Line => ServiceLine.SocialAssistance;

    DateOnly? IPeriodDated.ReportingDate => On;

    public int DibaoCaseId { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public CaseAction Action { get; set; }

    public CaseState From { get; set; }

    public CaseState To { get; set; }

    public string ByUserName { get; set; } = string.Empty;

    public string ByDisplayName { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The China-time day of the step (what deadlines are judged on).</summary>
    public DateOnly On { get; set; }

    public string? Comment { get; set; }
}
