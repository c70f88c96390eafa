using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.ElderlyCare;

/// <summary>
/// List filter. <see cref="InstitutionsOnly"/>, <see cref="Medical"/> and <see cref="Livelihood"/>
/// reproduce the sets the indicators count, so a dashboard number drills down to its records;
/// <see cref="OperatingOn"/> keeps the facilities operating on that day (opened by then, status history),
/// the indicators' own predicate (<see cref="FacilityOperation"/>).
/// </summary>
public sealed record FacilityFilter(
    string? Text = null,
    string? DivisionCode = null,
    FacilityKind? Kind = null,
    FacilityStatus? Status = null,
    bool InstitutionsOnly = false,
    bool? Medical = null,
    bool Livelihood = false,
    DateOnly? OperatingOn = null);

public sealed record FacilityRow(
    int Id, string Name, FacilityKind Kind, string DivisionCode, OperationMode OperationMode, string? Operator,
    int TotalBeds, int NursingBeds, int OccupiedBeds, bool HasMedicalService, decimal Investment, int? InvestmentYear,
    DateOnly? OpenedOn, FacilityStatus Status, int? LivelihoodProjectYear)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>The facility form. Investment is entered in 万元 and stored in 元.</summary>
public sealed class FacilityForm
{
    public int Id { get; set; }

    public Guid Version { get; set; }

    public string Name { get; set; } = string.Empty;

    public FacilityKind Kind { get; set; } = FacilityKind.CommunityDayCareCenter;

    public string DivisionCode { get; set; } = string.Empty;

    public OperationMode OperationMode { get; set; } = OperationMode.PublicOperated;

    public string? Operator { get; set; }

    public int TotalBeds { get; set; }

    public int NursingBeds { get; set; }

    public int OccupiedBeds { get; set; }

    public bool HasMedicalService { get; set; }

    public decimal InvestmentWan { get; set; }

    public int? InvestmentYear { get; set; }

    public DateOnly? OpenedOn { get; set; }

    public FacilityStatus Status { get; set; } = FacilityStatus.Operating;

    /// <summary>The day a change of <see cref="Status"/> took effect (recorded in the status history); today when left empty.</summary>
    public DateOnly? StatusChangedOn { get; set; }

    /// <summary>Why the status changed (optional).</summary>
    public string? StatusNote { get; set; }

    public int? LivelihoodProjectYear { get; set; }
}

/// <summary>One row of a facility's status history.</summary>
public sealed record StatusChangeRow(DateOnly EffectiveOn, FacilityStatus From, FacilityStatus To, string? Note);

public sealed class CareFacilityService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<CareFacility>(factory)
{
    protected override string NotFoundMessage => "该设施不存在，或不在您的管辖范围内。";

    protected override IReadOnlyDictionary<string, Expression<Func<CareFacility, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<CareFacility, object?>>>
        {
            [nameof(FacilityRow.Name)] = f => f.Name,
            [nameof(FacilityRow.Kind)] = f => f.Kind,
            [nameof(FacilityRow.DivisionName)] = f => f.DivisionCode,
            [nameof(FacilityRow.DivisionCode)] = f => f.DivisionCode,
            [nameof(FacilityRow.TotalBeds)] = f => f.TotalBeds,
            [nameof(FacilityRow.NursingBeds)] = f => f.NursingBeds,
            [nameof(FacilityRow.OpenedOn)] = f => f.OpenedOn,
            [nameof(FacilityRow.Status)] = f => f.Status,
        };

    public Task<PagedResult<FacilityRow>> ListAsync(FacilityFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<FacilityRow> ExportAsync(FacilityFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    /// <summary>Facilities the user can see, for pickers (e.g. an elderly person's care home).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> NamesAsync(string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var list = await InDivision(db.CareFacilities.AsNoTracking(), divisionCode)
            .OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).Take(2000).ToListAsync(cancellationToken);
        return list.ConvertAll(f => (f.Id, f.Name));
    }

    public async Task<FacilityForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.CareFacilities.AsNoTracking().Where(f => f.Id == id).Select(f => new FacilityForm
        {
            Id = f.Id, Version = f.Version, Name = f.Name, Kind = f.Kind, DivisionCode = f.DivisionCode, OperationMode = f.OperationMode,
            Operator = f.Operator, TotalBeds = f.TotalBeds, NursingBeds = f.NursingBeds, OccupiedBeds = f.OccupiedBeds,
            HasMedicalService = f.HasMedicalService, InvestmentWan = f.Investment / 10000m, InvestmentYear = f.InvestmentYear,
            OpenedOn = f.OpenedOn, Status = f.Status, LivelihoodProjectYear = f.LivelihoodProjectYear,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The facility's status history, newest first.</summary>
    public async Task<IReadOnlyList<StatusChangeRow>> StatusHistoryAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.CareFacilityStatusChanges.AsNoTracking().Where(c => c.FacilityId == id)
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.Id)
            .Select(c => new StatusChangeRow(c.EffectiveOn, c.From, c.To, c.Note)).ToListAsync(cancellationToken);
    }

    public Task<int> SaveAsync(FacilityForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new CareFacility(), (db, f) =>
        {
            RequireDivision(db, form.DivisionCode);
            f.Name = form.Name;
            f.Kind = form.Kind;
            f.DivisionCode = form.DivisionCode;
            f.OperationMode = form.OperationMode;
            f.Operator = string.IsNullOrWhiteSpace(form.Operator) ? null : form.Operator.Trim();
            f.TotalBeds = form.TotalBeds;
            f.NursingBeds = form.NursingBeds;
            f.OccupiedBeds = form.OccupiedBeds;
            f.HasMedicalService = form.HasMedicalService;
            f.Investment = Numbers.WanToYuan(form.InvestmentWan, "投资金额");
            f.InvestmentYear = form.InvestmentYear;
            f.OpenedOn = form.OpenedOn;
            if (f.Id != 0 && f.Status != form.Status)
            {
                // A status change is dated and kept: the months before it keep counting the old status.
                var change = new CareFacilityStatusChange
                {
                    Facility = f, DivisionCode = form.DivisionCode, From = f.Status, To = form.Status,
                    EffectiveOn = form.StatusChangedOn ?? clock.Today(), Note = string.IsNullOrWhiteSpace(form.StatusNote) ? null : form.StatusNote.Trim(),
                };
                change.Validate(clock.Today());
                if (db.CareFacilityStatusChanges.Any(c => c.FacilityId == f.Id && c.EffectiveOn > change.EffectiveOn))
                {
                    throw new DomainException("状态变更日期不能早于该设施已登记的最近一次状态变更。");
                }

                db.CareFacilityStatusChanges.Add(change);
            }

            f.Status = form.Status;
            f.LivelihoodProjectYear = form.LivelihoodProjectYear;
            f.Validate(clock.Today());
            return Task.CompletedTask;
        }, cancellationToken);

    private static IQueryable<CareFacility> Filter(CivilAffairsDbContext db, FacilityFilter filter)
    {
        var query = InDivision(db.CareFacilities, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(f => f.Name.Contains(text) || (f.Operator != null && f.Operator.Contains(text)));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        if (filter.InstitutionsOnly)
        {
            var kinds = Enum.GetValues<FacilityKind>().Where(k => k.IsInstitution()).ToArray();
            query = query.Where(f => kinds.Contains(f.Kind));
        }

        if (filter.Medical is { } medical)
        {
            query = query.Where(f => f.HasMedicalService == medical);
        }

        if (filter.Livelihood)
        {
            query = query.Where(f => f.LivelihoodProjectYear >= 2021);
        }

        if (filter.OperatingOn is { } day)
        {
            query = query.OperatingOn(db, day);
        }

        return query;
    }

    private static readonly Expression<Func<CareFacility, FacilityRow>> ToRow = f => new FacilityRow(
        f.Id, f.Name, f.Kind, f.DivisionCode, f.OperationMode, f.Operator, f.TotalBeds, f.NursingBeds, f.OccupiedBeds,
        f.HasMedicalService, f.Investment, f.InvestmentYear, f.OpenedOn, f.Status, f.LivelihoodProjectYear);
}
