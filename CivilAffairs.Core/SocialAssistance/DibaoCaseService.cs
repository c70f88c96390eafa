using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Core.SocialAssistance;

public sealed record CaseFilter(string? Text = null, string? DivisionCode = null, CaseState? State = null, bool OverdueOnly = false, UrbanRural? Area = null);

public sealed record CaseRow(
    int Id, string HeadName, string HeadIdNumber, string DivisionCode, UrbanRural Area, ApplicationChannel Channel, CaseState State,
    bool CloseRelativeOfWorker, DateOnly AppliedOn, DateOnly? DueOn, int Members, decimal MonthlyBenefit, DateOnly? ConfirmedOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public bool IsOverdue(DateOnly today) => State.IsOpen() && DueOn is { } due && today > due;
}

public sealed record TransitionRow(CaseAction Action, CaseState From, CaseState To, string By, DateTimeOffset At, string? Comment);

public sealed record CaseDetail(CaseRow Case, Guid Version, int HouseholdId, decimal PerCapitaIncome, decimal StandardAmount, decimal TopUp,
    DateOnly ProcessDueOn, DateOnly? NoticeUntil, DateOnly? CountyReviewedOn, string? CountyReviewedBy, int? ProcessingDays, string? Reason,
    IReadOnlyList<TransitionRow> History, IReadOnlyList<CaseAction> Allowed);

/// <summary>What a transition needs besides the action: the comment or reason, and the review findings for a notice.</summary>
public sealed record TransitionRequest(CaseAction Action, string? Comment = null, bool SurveyDone = false, bool IncomeChecked = false);

/// <summary>低保 cases: application, the transitions of the procedure, lists and overdue detection.</summary>
public sealed class DibaoCaseService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock, IOptions<SocialAssistanceOptions> options)
    : RecordService<DibaoCase>(factory)
{
    private SocialAssistanceOptions Options => options.Value;

    protected override string NotFoundMessage => "该低保案件不存在，或不在您的管辖范围内。";

    protected override IReadOnlyDictionary<string, Expression<Func<DibaoCase, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<DibaoCase, object?>>>
        {
            [nameof(CaseRow.HeadName)] = c => c.Household!.Head!.Name,
            [nameof(CaseRow.DivisionName)] = c => c.DivisionCode,
            [nameof(CaseRow.State)] = c => c.State,
            [nameof(CaseRow.AppliedOn)] = c => c.AppliedOn,
            [nameof(CaseRow.DueOn)] = c => c.DueOn,
            [nameof(CaseRow.MonthlyBenefit)] = c => (double)c.MonthlyBenefit,
        };

    public async Task<PagedResult<CaseRow>> ListAsync(CaseFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter, clock.Today()), page, ToRow, cancellationToken);
        return result with { Items = Mask(result.Items) };
    }

    public async IAsyncEnumerable<CaseRow> ExportAsync(CaseFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mask = !currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter, clock.Today()), sortBy, descending, ToRow, cancellationToken))
        {
            yield return mask ? row with { HeadIdNumber = ResidentId.Mask(row.HeadIdNumber) } : row;
        }
    }

    /// <summary>Open cases past their step's deadline (today after the due day).</summary>
    public async Task<IReadOnlyList<CaseRow>> OverdueAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(new CaseFilter(OverdueOnly: true), new PageRequest(0, PageRequest.MaxPageSize, nameof(CaseRow.DueOn)), cancellationToken)).Items;

    public async Task<CaseDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var c = await db.DibaoCases.AsNoTracking().Include(x => x.Transitions).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var row = Mask([await db.DibaoCases.AsNoTracking().Where(x => x.Id == id).Select(ToRow).SingleAsync(cancellationToken)])[0];
        var history = c.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new TransitionRow(t.Action, t.From, t.To, t.ByDisplayName, t.At, t.Comment)).ToList();
        return new CaseDetail(row, c.Version, c.HouseholdId, c.PerCapitaIncome, c.StandardAmount, c.TopUp, c.ProcessDueOn, c.NoticeUntil,
            c.CountyReviewedOn, c.CountyReviewedBy, c.ProcessingDays, c.Reason, history, CanEdit ? c.AllowedActions(currentUser.User, clock.Today()) : []);
    }

    /// <summary>
    /// Records an application (受理) for a household that has no case in progress or in payment. With
    /// <paramref name="leadId"/> (channel 主动发现) the pending lead becomes 已转为救助, linked to the new case, in the same save.
    /// </summary>
    public async Task<int> ApplyAsync(int householdId, ApplicationChannel channel, bool closeRelative, DateOnly appliedOn, string? comment = null,
        int? leadId = null, CancellationToken cancellationToken = default)
    {
        RequireEditor();
        await using var db = Factory.CreateDbContext();
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken)
            ?? throw new DomainException("该救助家庭不存在，或不在您的管辖范围内。");
        var busy = await db.DibaoCases.AnyAsync(c => c.HouseholdId == householdId
            && c.State != CaseState.Exited && c.State != CaseState.Refused, cancellationToken);
        if (busy)
        {
            throw new DomainException("该家庭已有办理中或在保的低保案件，不能重复申请。");
        }

        if (household.Members.Count == 0)
        {
            throw new DomainException("家庭成员为空，请先登记家庭成员。");
        }

        var c = DibaoCase.Apply(household, channel, closeRelative, appliedOn, Actor(), Options, comment, await OfficialCalendarService.SnapshotAsync(db, cancellationToken));
        db.DibaoCases.Add(c);
        if (leadId is { } id)
        {
            if (channel != ApplicationChannel.ActiveDiscovery)
            {
                throw new DomainException("只有“主动发现”渠道的申请才能关联主动发现线索。");
            }

            var lead = await db.DiscoveryLeads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
                ?? throw new DomainException("该主动发现线索不存在，或不在您的管辖范围内。");
            if (!household.DivisionCode.StartsWith(lead.DivisionCode[..Math.Min(6, lead.DivisionCode.Length)], StringComparison.Ordinal))
            {
                throw new DomainException("线索与申请家庭不在同一县（市），不能关联。");
            }

            lead.ConvertTo(c, appliedOn);
        }

        await db.SaveChangesAsync(cancellationToken);
        return c.Id;
    }

    /// <summary>Applies one transition to the case loaded with <paramref name="version"/>; a stale version fails.</summary>
    public async Task TransitionAsync(int id, Guid version, TransitionRequest request, CancellationToken cancellationToken = default)
    {
        RequireEditor();
        await using var db = Factory.CreateDbContext();
        var c = await db.DibaoCases.FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new DomainException(NotFoundMessage);
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        var actor = Actor();
        switch (request.Action)
        {
            case CaseAction.StartReview:
                c.StartReview(actor, request.Comment);
                break;
            case CaseAction.PublishNotice:
                c.PublishNotice(request.SurveyDone, request.IncomeChecked, actor, Options, request.Comment, await OfficialCalendarService.SnapshotAsync(db, cancellationToken));
                break;
            case CaseAction.CountyReview:
                c.RecordCountyReview(actor, request.Comment);
                break;
            case CaseAction.Confirm:
            {
                var (household, standard) = await HouseholdAndStandardAsync(db, c, actor.Today, cancellationToken);
                c.Confirm(household, standard, actor, Options, request.Comment, await OfficialCalendarService.SnapshotAsync(db, cancellationToken));
                break;
            }

            case CaseAction.StartPeriodicReview:
                c.StartPeriodicReview(actor, request.Comment);
                break;
            case CaseAction.CompletePeriodicReview:
            {
                var (household, standard) = await HouseholdAndStandardAsync(db, c, actor.Today, cancellationToken);
                c.CompletePeriodicReview(household, standard, actor, Options, request.Comment);
                break;
            }

            case CaseAction.Suspend:
                c.Suspend(actor, request.Comment);
                break;
            case CaseAction.Resume:
                c.Resume(actor, request.Comment);
                break;
            case CaseAction.Exit:
                c.Exit(actor, request.Comment);
                break;
            case CaseAction.Refuse:
                c.Refuse(actor, request.Comment);
                break;
            default:
                throw new DomainException("不支持的操作。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<(Household, AssistanceStandard?)> HouseholdAndStandardAsync(CivilAffairsDbContext db, DibaoCase c, DateOnly on, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().Include(h => h.Members).FirstAsync(h => h.Id == c.HouseholdId, cancellationToken);
        var county = AssistanceStandard.CountyOf(household.DivisionCode);
        var standards = await db.AssistanceStandards.AsNoTracking().Where(s => s.CountyCode == county).ToListAsync(cancellationToken);
        return (household, AssistanceStandard.Choose(standards, household.DivisionCode, household.Area, on));
    }

    private CaseActor Actor() => new(currentUser.User, clock.Today(), clock.GetUtcNow());

    private bool CanEdit => currentUser.User.CanEdit(ServiceLine.SocialAssistance);

    private void RequireEditor()
    {
        if (!CanEdit)
        {
            throw new AccessDeniedException("您没有办理社会救助业务的权限。");
        }
    }

    private static IQueryable<DibaoCase> Filter(CivilAffairsDbContext db, CaseFilter filter, DateOnly today)
    {
        var query = InDivision(db.DibaoCases, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var idNumber = text.ToUpperInvariant();
            query = query.Where(c => c.Household!.Head!.Name.Contains(text) || c.Household.Head.IdNumber == idNumber);
        }

        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (filter.Area is { } area)
        {
            query = query.Where(c => c.Area == area);
        }

        return filter.OverdueOnly ? query.Where(c => CaseStates.Open.Contains(c.State) && c.DueOn < today) : query;
    }

    private static readonly Expression<Func<DibaoCase, CaseRow>> ToRow = c => new CaseRow(
        c.Id, c.Household!.Head!.Name, c.Household.Head.IdNumber, c.DivisionCode, c.Area, c.Channel, c.State, c.CloseRelativeOfWorker,
        c.AppliedOn, c.DueOn, c.Members, c.MonthlyBenefit, c.ConfirmedOn);

    private IReadOnlyList<CaseRow> Mask(IReadOnlyList<CaseRow> rows) =>
        currentUser.User.CanSeeFullIdNumbers ? rows : rows.Select(r => r with { HeadIdNumber = ResidentId.Mask(r.HeadIdNumber) }).ToList();
}
