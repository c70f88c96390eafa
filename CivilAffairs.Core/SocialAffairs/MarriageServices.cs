using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAffairs;

public sealed record OfficeRow(int Id, Guid Version, string Name, string DivisionCode, string? Address, bool ScenicArea, bool Active)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed record MarriageFigureRow(int Id, string OfficeName, bool ScenicArea, string DivisionCode, int Period, int Marriages, int Divorces, int CrossRegion)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public string PeriodName => Common.Period.FromKey(Period).ChineseName;
}

public sealed class MarriageFigureForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int OfficeId { get; set; }
    public int Period { get; set; }
    public int Marriages { get; set; }
    public int Divorces { get; set; }
    public int CrossRegion { get; set; }
}

public sealed record WeddingRow(int Id, DateOnly HeldOn, string Place, int Couples, string DivisionCode, string? Note)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class WeddingForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = string.Empty;
    public int Couples { get; set; }
    public string DivisionCode { get; set; } = string.Empty;
    public string? Note { get; set; }
}

/// <summary>婚姻登记处 (reference records of the line).</summary>
public sealed class MarriageOfficeService(IDbContextFactory<CivilAffairsDbContext> factory) : RecordService<MarriageOffice>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<MarriageOffice, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<MarriageOffice, object?>>> { [nameof(OfficeRow.Name)] = o => o.Name, [nameof(OfficeRow.DivisionName)] = o => o.DivisionCode };

    public async Task<IReadOnlyList<OfficeRow>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.MarriageOffices.AsNoTracking().Where(o => !activeOnly || o.Active).OrderBy(o => o.DivisionCode).ThenBy(o => o.Name)
            .Select(o => new OfficeRow(o.Id, o.Version, o.Name, o.DivisionCode, o.Address, o.ScenicArea, o.Active)).ToListAsync(cancellationToken);
    }

    public Task<int> SaveAsync(OfficeRow row, CancellationToken cancellationToken = default) =>
        SaveAsync(row.Id, row.Version, () => new MarriageOffice(), async (db, o) =>
        {
            RequireDivision(db, row.DivisionCode);
            (o.Name, o.DivisionCode, o.Address, o.ScenicArea, o.Active) = ((row.Name ?? string.Empty).Trim(), row.DivisionCode, row.Address?.Trim(), row.ScenicArea, row.Active);
            o.Validate();
            if (await db.MarriageOffices.AnyAsync(x => x.Id != row.Id && x.Name == o.Name, cancellationToken))
            {
                throw new DomainException("已有同名的婚姻登记处。");
            }
        }, cancellationToken);
}

/// <summary>Monthly marriage and divorce figures per office; one row per office and month. Filter Kind: an office id.</summary>
public sealed class MarriageFigureService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<MarriageMonthlyFigure>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<MarriageMonthlyFigure, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<MarriageMonthlyFigure, object?>>>
        {
            [nameof(MarriageFigureRow.PeriodName)] = f => f.Period,
            [nameof(MarriageFigureRow.OfficeName)] = f => f.Office!.Name,
            [nameof(MarriageFigureRow.Marriages)] = f => f.Marriages,
            [nameof(MarriageFigureRow.Divorces)] = f => f.Divorces,
            [nameof(MarriageFigureRow.DivisionName)] = f => f.DivisionCode,
        };

    public Task<PagedResult<MarriageFigureRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<MarriageFigureRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<MarriageFigureForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.MarriageMonthlyFigures.AsNoTracking().Where(f => f.Id == id).Select(f => new MarriageFigureForm
        {
            Id = f.Id, Version = f.Version, OfficeId = f.OfficeId, Period = f.Period, Marriages = f.Marriages, Divorces = f.Divorces, CrossRegion = f.CrossRegion,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(MarriageFigureForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new MarriageMonthlyFigure(), async (db, f) =>
        {
            var office = await db.MarriageOffices.AsNoTracking().FirstOrDefaultAsync(o => o.Id == form.OfficeId, cancellationToken)
                ?? throw new DomainException("请选择婚姻登记处（须在您的管辖范围内）。");
            if (form.Period <= 0 || Period.FromKey(form.Period) > Period.Of(clock.Today()))
            {
                throw new DomainException("请选择统计月份（不晚于本月）。");
            }

            if (await db.MarriageMonthlyFigures.AnyAsync(x => x.Id != form.Id && x.OfficeId == office.Id && x.Period == form.Period, cancellationToken))
            {
                throw new DomainException($"{office.Name}{Period.FromKey(form.Period).ChineseName}的登记数据已填报，请修改原记录。");
            }

            (f.OfficeId, f.DivisionCode, f.Period, f.Marriages, f.Divorces, f.CrossRegion) = (office.Id, office.DivisionCode, form.Period, form.Marriages, form.Divorces, form.CrossRegion);
            f.Validate();
        }, cancellationToken);

    private static IQueryable<MarriageMonthlyFigure> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.MarriageMonthlyFigures, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(f => f.Office!.Name.Contains(text));
        }

        if (int.TryParse(filter.Kind, out var officeId))
        {
            query = query.Where(f => f.OfficeId == officeId);
        }

        if (filter.From is { } from)
        {
            var key = Period.Of(from).Key;
            query = query.Where(f => f.Period >= key);
        }

        if (filter.To is { } to)
        {
            var key = Period.Of(to).Key;
            query = query.Where(f => f.Period <= key);
        }

        return query;
    }

    private static readonly Expression<Func<MarriageMonthlyFigure, MarriageFigureRow>> ToRow = f => new MarriageFigureRow(
        f.Id, f.Office!.Name, f.Office.ScenicArea, f.DivisionCode, f.Period, f.Marriages, f.Divorces, f.CrossRegion);
}

/// <summary>集体婚礼.</summary>
public sealed class CollectiveWeddingService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<CollectiveWedding>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<CollectiveWedding, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<CollectiveWedding, object?>>>
        {
            [nameof(WeddingRow.HeldOn)] = w => w.HeldOn,
            [nameof(WeddingRow.Couples)] = w => w.Couples,
            [nameof(WeddingRow.Place)] = w => w.Place,
            [nameof(WeddingRow.DivisionName)] = w => w.DivisionCode,
        };

    public Task<PagedResult<WeddingRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<WeddingRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<WeddingForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.CollectiveWeddings.AsNoTracking().Where(w => w.Id == id).Select(w => new WeddingForm
        {
            Id = w.Id, Version = w.Version, HeldOn = w.HeldOn, Place = w.Place, Couples = w.Couples, DivisionCode = w.DivisionCode, Note = w.Note,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(WeddingForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new CollectiveWedding(), (db, w) =>
        {
            RequireDivision(db, form.DivisionCode);
            (w.HeldOn, w.Place, w.Couples, w.DivisionCode, w.Note) = (form.HeldOn, (form.Place ?? string.Empty).Trim(), form.Couples, form.DivisionCode, form.Note?.Trim());
            w.Validate(clock.Today());
            return Task.CompletedTask;
        }, cancellationToken);

    private static IQueryable<CollectiveWedding> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.CollectiveWeddings, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(w => w.Place.Contains(text));
        }

        if (filter.From is { } from)
        {
            query = query.Where(w => w.HeldOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(w => w.HeldOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<CollectiveWedding, WeddingRow>> ToRow = w => new WeddingRow(w.Id, w.HeldOn, w.Place, w.Couples, w.DivisionCode, w.Note);
}
