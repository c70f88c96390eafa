using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.ElderlyCare;

public sealed record ActivityFilter(string? Text = null, string? DivisionCode = null, DateOnly? From = null, DateOnly? To = null);

public sealed record VisitRow(int Id, int ElderlyPersonId, string ElderlyName, string DivisionCode, DateOnly VisitedOn, string Visitor, VisitMode Mode, string? Findings, bool FollowUpNeeded)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class VisitForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int ElderlyPersonId { get; set; }
    public string ElderlyName { get; set; } = string.Empty;
    public DateOnly VisitedOn { get; set; }
    public string Visitor { get; set; } = string.Empty;
    public VisitMode Mode { get; set; } = VisitMode.InPerson;
    public string? Findings { get; set; }
    public bool FollowUpNeeded { get; set; }
}

/// <summary>探访关爱 records; a visit belongs to the visited person's division.</summary>
public sealed class CareVisitService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<CareVisit>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<CareVisit, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<CareVisit, object?>>>
        {
            [nameof(VisitRow.VisitedOn)] = v => v.VisitedOn,
            [nameof(VisitRow.ElderlyName)] = v => v.ElderlyPerson!.Person!.Name,
            [nameof(VisitRow.DivisionName)] = v => v.DivisionCode,
            [nameof(VisitRow.Visitor)] = v => v.Visitor,
        };

    public Task<PagedResult<VisitRow>> ListAsync(ActivityFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<VisitRow> ExportAsync(ActivityFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<VisitForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.CareVisits.AsNoTracking().Where(v => v.Id == id).Select(v => new VisitForm
        {
            Id = v.Id, Version = v.Version, ElderlyPersonId = v.ElderlyPersonId, ElderlyName = v.ElderlyPerson!.Person!.Name, VisitedOn = v.VisitedOn,
            Visitor = v.Visitor, Mode = v.Mode, Findings = v.Findings, FollowUpNeeded = v.FollowUpNeeded,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(VisitForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new CareVisit(), async (db, v) =>
        {
            var elderly = await db.ElderlyPersons.Where(e => e.Id == form.ElderlyPersonId).Select(e => new { e.Id, e.DivisionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择被探访的老年人（须在您的管辖范围内）。");
            if (form.VisitedOn > clock.Today())
            {
                throw new DomainException("探访日期不能晚于今天。");
            }

            if (string.IsNullOrWhiteSpace(form.Visitor) || form.Visitor.Trim().Length > 50)
            {
                throw new DomainException("请填写探访人（不超过 50 个字）。");
            }

            (v.ElderlyPersonId, v.DivisionCode, v.VisitedOn, v.Visitor, v.Mode) = (elderly.Id, elderly.DivisionCode, form.VisitedOn, form.Visitor.Trim(), form.Mode);
            (v.Findings, v.FollowUpNeeded) = (form.Findings?.Trim(), form.FollowUpNeeded);
        }, cancellationToken);

    private static IQueryable<CareVisit> Filter(CivilAffairsDbContext db, ActivityFilter filter)
    {
        var query = InDivision(db.CareVisits, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(v => v.ElderlyPerson!.Person!.Name.Contains(text) || v.Visitor.Contains(text));
        }

        if (filter.From is { } from)
        {
            query = query.Where(v => v.VisitedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(v => v.VisitedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<CareVisit, VisitRow>> ToRow = v => new VisitRow(
        v.Id, v.ElderlyPersonId, v.ElderlyPerson!.Person!.Name, v.DivisionCode, v.VisitedOn, v.Visitor, v.Mode, v.Findings, v.FollowUpNeeded);
}

public sealed record AdaptationRow(int Id, int PersonId, string PersonName, string DivisionCode, string Items, decimal Cost, decimal Subsidy, DateOnly? CompletedOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class AdaptationForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int PersonId { get; set; }
    public string PersonName { get; set; } = string.Empty;
    public string Items { get; set; } = string.Empty;
    public decimal Cost { get; set; }
    public decimal Subsidy { get; set; }
    public DateOnly? CompletedOn { get; set; }
}

/// <summary>适老化改造 records; an adaptation belongs to the household member's division.</summary>
public sealed class HomeAdaptationService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<HomeAdaptation>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<HomeAdaptation, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<HomeAdaptation, object?>>>
        {
            [nameof(AdaptationRow.CompletedOn)] = a => a.CompletedOn,
            [nameof(AdaptationRow.DivisionName)] = a => a.DivisionCode,
            [nameof(AdaptationRow.Cost)] = a => a.Cost,
        };

    public Task<PagedResult<AdaptationRow>> ListAsync(ActivityFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, AdaptationToRow, cancellationToken);

    public IAsyncEnumerable<AdaptationRow> ExportAsync(ActivityFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, AdaptationToRow, cancellationToken);

    public async Task<AdaptationForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.HomeAdaptations.AsNoTracking().Where(a => a.Id == id).Select(a => new AdaptationForm
        {
            Id = a.Id, Version = a.Version, PersonId = a.PersonId, PersonName = a.Person!.Name,
            Items = a.Items, Cost = a.Cost, Subsidy = a.Subsidy, CompletedOn = a.CompletedOn,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(AdaptationForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new HomeAdaptation(), async (db, a) =>
        {
            var person = await db.People.Where(p => p.Id == form.PersonId).Select(p => new { p.Id, p.DivisionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择改造家庭的老年人（须在您的管辖范围内）。");
            if (form.CompletedOn > clock.Today())
            {
                throw new DomainException("完工日期不能晚于今天。");
            }

            (a.PersonId, a.DivisionCode, a.Items, a.Cost, a.Subsidy, a.CompletedOn) = (person.Id, person.DivisionCode, form.Items.Trim(), form.Cost, form.Subsidy, form.CompletedOn);
            a.Validate();
        }, cancellationToken);

    private static IQueryable<HomeAdaptation> Filter(CivilAffairsDbContext db, ActivityFilter filter)
    {
        var query = InDivision(db.HomeAdaptations, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => a.Items.Contains(text) || a.Person!.Name.Contains(text));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.CompletedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.CompletedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<HomeAdaptation, AdaptationRow>> AdaptationToRow = a => new AdaptationRow(
        a.Id, a.PersonId, a.Person!.Name, a.DivisionCode, a.Items, a.Cost, a.Subsidy, a.CompletedOn);
}

public sealed record TrainingRow(int Id, string Title, TrainingKind Kind, string DivisionCode, DateOnly HeldOn, bool Online, int Participants)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class TrainingForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Title { get; set; } = string.Empty;
    public TrainingKind Kind { get; set; } = TrainingKind.Training;
    public string DivisionCode { get; set; } = string.Empty;
    public DateOnly HeldOn { get; set; }
    public bool Online { get; set; }
    public int Participants { get; set; }
}

/// <summary>养老护理员培训 and 职业技能竞赛.</summary>
public sealed class CaregiverTrainingService(IDbContextFactory<CivilAffairsDbContext> factory) : RecordService<CaregiverTraining>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<CaregiverTraining, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<CaregiverTraining, object?>>>
        {
            [nameof(TrainingRow.HeldOn)] = t => t.HeldOn,
            [nameof(TrainingRow.Title)] = t => t.Title,
            [nameof(TrainingRow.Participants)] = t => t.Participants,
            [nameof(TrainingRow.DivisionName)] = t => t.DivisionCode,
        };

    public Task<PagedResult<TrainingRow>> ListAsync(ActivityFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<TrainingRow> ExportAsync(ActivityFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<TrainingForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.CaregiverTrainings.AsNoTracking().Where(t => t.Id == id).Select(t => new TrainingForm
        {
            Id = t.Id, Version = t.Version, Title = t.Title, Kind = t.Kind, DivisionCode = t.DivisionCode, HeldOn = t.HeldOn, Online = t.Online, Participants = t.Participants,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(TrainingForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new CaregiverTraining(), (db, t) =>
        {
            RequireDivision(db, form.DivisionCode);
            (t.Title, t.Kind, t.DivisionCode, t.HeldOn, t.Online, t.Participants) = (form.Title.Trim(), form.Kind, form.DivisionCode, form.HeldOn, form.Online, form.Participants);
            t.Validate();
            return Task.CompletedTask;
        }, cancellationToken);

    private static IQueryable<CaregiverTraining> Filter(CivilAffairsDbContext db, ActivityFilter filter)
    {
        var query = InDivision(db.CaregiverTrainings, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(t => t.Title.Contains(text));
        }

        if (filter.From is { } from)
        {
            query = query.Where(t => t.HeldOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(t => t.HeldOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<CaregiverTraining, TrainingRow>> ToRow = t => new TrainingRow(t.Id, t.Title, t.Kind, t.DivisionCode, t.HeldOn, t.Online, t.Participants);
}
