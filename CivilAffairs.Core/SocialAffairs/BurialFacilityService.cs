using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAffairs;

public sealed record BurialRow(int Id, string Name, string DivisionCode, BurialFacilityKind Kind, bool PublicWelfare, int Capacity, decimal Investment, BurialFacilityStatus Status, DateOnly? OpenedOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class BurialForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Name { get; set; } = string.Empty;
    public string DivisionCode { get; set; } = string.Empty;
    public BurialFacilityKind Kind { get; set; } = BurialFacilityKind.PublicCemetery;
    public bool PublicWelfare { get; set; } = true;
    public int Capacity { get; set; }
    public decimal Investment { get; set; }
    public BurialFacilityStatus Status { get; set; } = BurialFacilityStatus.InService;
    public DateOnly? OpenedOn { get; set; }
}

/// <summary>殡葬设施. Filter Kind: a <see cref="BurialFacilityKind"/> name.</summary>
public sealed class BurialFacilityService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<BurialFacility>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<BurialFacility, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<BurialFacility, object?>>>
        {
            [nameof(BurialRow.Name)] = f => f.Name,
            [nameof(BurialRow.Capacity)] = f => f.Capacity,
            [nameof(BurialRow.Investment)] = f => f.Investment,
            [nameof(BurialRow.OpenedOn)] = f => f.OpenedOn,
            [nameof(BurialRow.DivisionName)] = f => f.DivisionCode,
        };

    public Task<PagedResult<BurialRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<BurialRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<BurialForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.BurialFacilities.AsNoTracking().Where(f => f.Id == id).Select(f => new BurialForm
        {
            Id = f.Id, Version = f.Version, Name = f.Name, DivisionCode = f.DivisionCode, Kind = f.Kind, PublicWelfare = f.PublicWelfare,
            Capacity = f.Capacity, Investment = f.Investment, Status = f.Status, OpenedOn = f.OpenedOn,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(BurialForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new BurialFacility(), (db, f) =>
        {
            RequireDivision(db, form.DivisionCode);
            (f.Name, f.DivisionCode, f.Kind, f.PublicWelfare, f.Capacity, f.Investment, f.Status, f.OpenedOn) =
                ((form.Name ?? string.Empty).Trim(), form.DivisionCode, form.Kind, form.PublicWelfare, form.Capacity, form.Investment, form.Status, form.OpenedOn);
            f.Validate(clock.Today());
            return Task.CompletedTask;
        }, cancellationToken);

    private static IQueryable<BurialFacility> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.BurialFacilities, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(f => f.Name.Contains(text));
        }

        if (filter.KindAs<BurialFacilityKind>() is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }

        if (filter.From is { } from)
        {
            query = query.Where(f => f.OpenedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(f => f.OpenedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<BurialFacility, BurialRow>> ToRow = f => new BurialRow(
        f.Id, f.Name, f.DivisionCode, f.Kind, f.PublicWelfare, f.Capacity, f.Investment, f.Status, f.OpenedOn);
}
