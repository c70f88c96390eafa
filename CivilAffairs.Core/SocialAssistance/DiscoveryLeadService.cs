using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

public sealed record LeadRow(int Id, LeadSource Source, string Subject, string DivisionCode, DateOnly FoundOn, string? Assignee, LeadOutcome Outcome, string? OutcomeReason, string? CaseReference, DateOnly? ConvertedOn, int? DibaoCaseId = null)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    /// <summary>What the list shows: the linked 低保 case, else the reference typed in.</summary>
    public string? CaseText => DibaoCaseId is { } id ? $"低保案件 {id}" : CaseReference;
}

public sealed class LeadForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public LeadSource Source { get; set; } = LeadSource.GridWorker;
    public string Subject { get; set; } = string.Empty;
    public string DivisionCode { get; set; } = string.Empty;
    public DateOnly FoundOn { get; set; }
    public string? Assignee { get; set; }
    public LeadOutcome Outcome { get; set; } = LeadOutcome.Pending;
    public string? OutcomeReason { get; set; }
    public string? CaseReference { get; set; }
    public DateOnly? ConvertedOn { get; set; }

    /// <summary>Read-only: set when a 低保 application is received from the lead.</summary>
    public int? DibaoCaseId { get; set; }
}

/// <summary>主动发现 leads. Filter Kind: a <see cref="LeadOutcome"/> or <see cref="LeadSource"/> name.</summary>
public sealed class DiscoveryLeadService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<DiscoveryLead>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<DiscoveryLead, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<DiscoveryLead, object?>>>
        {
            [nameof(LeadRow.FoundOn)] = l => l.FoundOn,
            [nameof(LeadRow.Subject)] = l => l.Subject,
            [nameof(LeadRow.Outcome)] = l => l.Outcome,
            [nameof(LeadRow.DivisionName)] = l => l.DivisionCode,
            [nameof(LeadRow.ConvertedOn)] = l => l.ConvertedOn,
        };

    public Task<PagedResult<LeadRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<LeadRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<LeadForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.DiscoveryLeads.AsNoTracking().Where(l => l.Id == id).Select(l => new LeadForm
        {
            Id = l.Id, Version = l.Version, Source = l.Source, Subject = l.Subject, DivisionCode = l.DivisionCode, FoundOn = l.FoundOn, Assignee = l.Assignee,
            Outcome = l.Outcome, OutcomeReason = l.OutcomeReason, CaseReference = l.CaseReference, ConvertedOn = l.ConvertedOn, DibaoCaseId = l.DibaoCaseId,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Pending leads in scope (optionally within a division) for the 低保 application form's picker.</summary>
    public async Task<IReadOnlyList<LeadRow>> PendingAsync(string? divisionCode, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await InDivision(db.DiscoveryLeads, divisionCode).Where(l => l.Outcome == LeadOutcome.Pending)
            .OrderByDescending(l => l.FoundOn).Take(PageRequest.MaxPageSize).Select(ToRow).ToListAsync(cancellationToken);
    }

    public Task<int> SaveAsync(LeadForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new DiscoveryLead(), (db, l) =>
        {
            RequireDivision(db, form.DivisionCode);
            (l.Source, l.Subject, l.DivisionCode, l.FoundOn, l.Assignee) = (form.Source, form.Subject.Trim(), form.DivisionCode, form.FoundOn, Blank(form.Assignee));
            (l.Outcome, l.OutcomeReason, l.CaseReference, l.ConvertedOn) = (form.Outcome, Blank(form.OutcomeReason), Blank(form.CaseReference), form.ConvertedOn);
            l.Validate(clock.Today());
            return Task.CompletedTask;
        }, cancellationToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IQueryable<DiscoveryLead> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.DiscoveryLeads, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(l => l.Subject.Contains(text) || (l.Assignee != null && l.Assignee.Contains(text)) || l.CaseReference == text);
        }

        if (filter.KindAs<LeadOutcome>() is { } outcome)
        {
            query = query.Where(l => l.Outcome == outcome);
        }
        else if (filter.KindAs<LeadSource>() is { } source)
        {
            query = query.Where(l => l.Source == source);
        }

        if (filter.From is { } from)
        {
            query = query.Where(l => l.FoundOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(l => l.FoundOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<DiscoveryLead, LeadRow>> ToRow = l => new LeadRow(
        l.Id, l.Source, l.Subject, l.DivisionCode, l.FoundOn, l.Assignee, l.Outcome, l.OutcomeReason, l.CaseReference, l.ConvertedOn, l.DibaoCaseId);
}
