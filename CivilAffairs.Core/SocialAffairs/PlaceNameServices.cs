using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAffairs;

public sealed record PlaceNameRow(int Id, string Name, PlaceNameKind Kind, PlaceNameCategory Category, string DivisionCode, double Longitude, double Latitude,
    PlaceNameStatus Status, PlaceNameSource Source, string? AidCity, DateOnly RecordedOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class PlaceNameForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Name { get; set; } = string.Empty;
    public PlaceNameKind Kind { get; set; } = PlaceNameKind.PointOfInterest;
    public PlaceNameCategory Category { get; set; } = PlaceNameCategory.PublicService;
    public string DivisionCode { get; set; } = string.Empty;
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    public PlaceNameStatus Status { get; set; } = PlaceNameStatus.Approved;
    public PlaceNameSource Source { get; set; } = PlaceNameSource.Local;
    public string? AidCity { get; set; }
    public DateOnly RecordedOn { get; set; }
}

public sealed record ExpertRow(int Id, Guid Version, string Name, string Specialty, string? Organisation, string DivisionCode, DateOnly AddedOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>地名 and POIs. Filter Kind: a <see cref="PlaceNameSource"/> or <see cref="PlaceNameKind"/> name.</summary>
public sealed class PlaceNameService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<PlaceName>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<PlaceName, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<PlaceName, object?>>>
        {
            [nameof(PlaceNameRow.Name)] = p => p.Name,
            [nameof(PlaceNameRow.RecordedOn)] = p => p.RecordedOn,
            [nameof(PlaceNameRow.DivisionName)] = p => p.DivisionCode,
        };

    public Task<PagedResult<PlaceNameRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<PlaceNameRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<PlaceNameForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.PlaceNames.AsNoTracking().Where(p => p.Id == id).Select(p => new PlaceNameForm
        {
            Id = p.Id, Version = p.Version, Name = p.Name, Kind = p.Kind, Category = p.Category, DivisionCode = p.DivisionCode, Longitude = p.Longitude,
            Latitude = p.Latitude, Status = p.Status, Source = p.Source, AidCity = p.AidCity, RecordedOn = p.RecordedOn,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(PlaceNameForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new PlaceName(), (db, p) =>
        {
            RequireDivision(db, form.DivisionCode);
            (p.Name, p.Kind, p.Category, p.DivisionCode, p.Longitude, p.Latitude, p.Status, p.Source, p.RecordedOn) =
                ((form.Name ?? string.Empty).Trim(), form.Kind, form.Category, form.DivisionCode, form.Longitude, form.Latitude, form.Status, form.Source, form.RecordedOn);
            p.AidCity = form.Source == PlaceNameSource.AidCity ? form.AidCity?.Trim() : null;
            p.Validate(clock.Today());
            return Task.CompletedTask;
        }, cancellationToken);

    private static IQueryable<PlaceName> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.PlaceNames, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(p => p.Name.Contains(text) || (p.AidCity != null && p.AidCity.Contains(text)));
        }

        if (filter.KindAs<PlaceNameSource>() is { } source)
        {
            query = query.Where(p => p.Source == source);
        }
        else if (filter.KindAs<PlaceNameKind>() is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        if (filter.From is { } from)
        {
            query = query.Where(p => p.RecordedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(p => p.RecordedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<PlaceName, PlaceNameRow>> ToRow = p => new PlaceNameRow(
        p.Id, p.Name, p.Kind, p.Category, p.DivisionCode, p.Longitude, p.Latitude, p.Status, p.Source, p.AidCity, p.RecordedOn);
}

/// <summary>地名专家库.</summary>
public sealed class PlaceNameExpertService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<PlaceNameExpert>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<PlaceNameExpert, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<PlaceNameExpert, object?>>> { [nameof(ExpertRow.Name)] = e => e.Name };

    public async Task<IReadOnlyList<ExpertRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.PlaceNameExperts.AsNoTracking().OrderBy(e => e.AddedOn).ThenBy(e => e.Name)
            .Select(e => new ExpertRow(e.Id, e.Version, e.Name, e.Specialty, e.Organisation, e.DivisionCode, e.AddedOn)).ToListAsync(cancellationToken);
    }

    public Task<int> SaveAsync(ExpertRow row, CancellationToken cancellationToken = default) =>
        SaveAsync(row.Id, row.Version, () => new PlaceNameExpert(), (db, e) =>
        {
            RequireDivision(db, row.DivisionCode);
            (e.Name, e.Specialty, e.Organisation, e.DivisionCode) = ((row.Name ?? string.Empty).Trim(), (row.Specialty ?? string.Empty).Trim(), row.Organisation?.Trim(), row.DivisionCode);
            e.AddedOn = row.AddedOn == default ? clock.Today() : row.AddedOn;
            e.Validate();
            return Task.CompletedTask;
        }, cancellationToken);
}
