using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

public sealed record WorkerRow(int Id, string Name, WorkerLevel Level, string DivisionCode, string? Post, bool Active)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class WorkerForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Name { get; set; } = string.Empty;
    public WorkerLevel Level { get; set; } = WorkerLevel.Village;
    public string DivisionCode { get; set; } = string.Empty;
    public string? Post { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>The register of workers who owe zero reports. Filter Kind: a <see cref="WorkerLevel"/> name.</summary>
public sealed class AssistanceWorkerService(IDbContextFactory<CivilAffairsDbContext> factory) : RecordService<AssistanceWorker>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<AssistanceWorker, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<AssistanceWorker, object?>>>
        {
            [nameof(WorkerRow.Name)] = w => w.Name,
            [nameof(WorkerRow.Level)] = w => w.Level,
            [nameof(WorkerRow.DivisionName)] = w => w.DivisionCode,
        };

    public Task<PagedResult<WorkerRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<WorkerRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<WorkerForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.AssistanceWorkers.AsNoTracking().Where(w => w.Id == id).Select(w => new WorkerForm
        {
            Id = w.Id, Version = w.Version, Name = w.Name, Level = w.Level, DivisionCode = w.DivisionCode, Post = w.Post, Active = w.Active,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LookupOption>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var t = (text ?? string.Empty).Trim();
        return await db.AssistanceWorkers.AsNoTracking().Where(w => w.Active && (t == string.Empty || w.Name.Contains(t))).OrderBy(w => w.Name).Take(20)
            .Select(w => new LookupOption(w.Id, w.Name + "（" + (w.Post ?? string.Empty) + "）")).ToListAsync(cancellationToken);
    }

    public Task<int> SaveAsync(WorkerForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new AssistanceWorker(), (db, w) =>
        {
            RequireDivision(db, form.DivisionCode);
            (w.Name, w.Level, w.DivisionCode, w.Post, w.Active) = (form.Name.Trim(), form.Level, form.DivisionCode, string.IsNullOrWhiteSpace(form.Post) ? null : form.Post.Trim(), form.Active);
            w.Validate();
            return Task.CompletedTask;
        }, cancellationToken);

    private static IQueryable<AssistanceWorker> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.AssistanceWorkers, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(w => w.Name.Contains(text) || (w.Post != null && w.Post.Contains(text)));
        }

        if (filter.KindAs<WorkerLevel>() is { } level)
        {
            query = query.Where(w => w.Level == level);
        }

        return query;
    }

    private static readonly Expression<Func<AssistanceWorker, WorkerRow>> ToRow = w => new WorkerRow(w.Id, w.Name, w.Level, w.DivisionCode, w.Post, w.Active);
}

public sealed record FilingRow(int Id, int WorkerId, string WorkerName, string RelativeName, string Relation, FilingProgram Program, DateOnly FiledOn, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class FilingForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int WorkerId { get; set; }
    public string WorkerName { get; set; } = string.Empty;
    public int RelativePersonId { get; set; }
    public string RelativeName { get; set; } = string.Empty;
    public string Relation { get; set; } = string.Empty;
    public FilingProgram Program { get; set; } = FilingProgram.LowIncome;
    public DateOnly FiledOn { get; set; }
}

/// <summary>近亲属备案; a filing belongs to the worker's division. Filter Kind: an <see cref="FilingProgram"/> name.</summary>
public sealed class RelativeFilingService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<RelativeFiling>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<RelativeFiling, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<RelativeFiling, object?>>>
        {
            [nameof(FilingRow.FiledOn)] = f => f.FiledOn,
            [nameof(FilingRow.WorkerName)] = f => f.Worker!.Name,
            [nameof(FilingRow.DivisionName)] = f => f.DivisionCode,
        };

    public Task<PagedResult<FilingRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<FilingRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<FilingForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.RelativeFilings.AsNoTracking().Where(f => f.Id == id).Select(f => new FilingForm
        {
            Id = f.Id, Version = f.Version, WorkerId = f.WorkerId, WorkerName = f.Worker!.Name, RelativePersonId = f.RelativePersonId, RelativeName = f.Relative!.Name,
            Relation = f.Relation, Program = f.Program, FiledOn = f.FiledOn,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(FilingForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new RelativeFiling(), async (db, f) =>
        {
            var worker = await db.AssistanceWorkers.Where(w => w.Id == form.WorkerId).Select(w => new { w.Id, w.DivisionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择备案的工作人员（须在您的管辖范围内）。");
            // The relative may live outside the worker's division: look the person up in the whole register by id only.
            if (!await db.People.AnyAsync(p => p.Id == form.RelativePersonId, cancellationToken))
            {
                throw new DomainException("请选择近亲属（须在人员库中登记）。");
            }

            if (string.IsNullOrWhiteSpace(form.Relation) || form.Relation.Trim().Length > RelativeFiling.RelationMaxLength)
            {
                throw new DomainException("请填写亲属关系。");
            }

            if (form.FiledOn == default || form.FiledOn > clock.Today())
            {
                throw new DomainException("请填写备案日期（不晚于今天）。");
            }

            (f.WorkerId, f.DivisionCode, f.RelativePersonId, f.Relation, f.Program, f.FiledOn) = (worker.Id, worker.DivisionCode, form.RelativePersonId, form.Relation.Trim(), form.Program, form.FiledOn);
        }, cancellationToken);

    private static IQueryable<RelativeFiling> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.RelativeFilings, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(f => f.Worker!.Name.Contains(text) || f.Relative!.Name.Contains(text));
        }

        if (filter.KindAs<FilingProgram>() is { } program)
        {
            query = query.Where(f => f.Program == program);
        }

        if (filter.From is { } from)
        {
            query = query.Where(f => f.FiledOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(f => f.FiledOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<RelativeFiling, FilingRow>> ToRow = f => new FilingRow(
        f.Id, f.WorkerId, f.Worker!.Name, f.Relative!.Name, f.Relation, f.Program, f.FiledOn, f.DivisionCode);
}

public sealed record ZeroReportRow(int Id, Guid Version, int WorkerId, string WorkerName, WorkerLevel Level, string DivisionCode, int Period, DateOnly FiledOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>
/// 零报告: files a month's zero report for workers (one per worker and month), lists them, and lists the
/// active workers who have neither a zero report nor a relative filing in the month.
/// </summary>
public sealed class ZeroReportService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock) : RecordService<ZeroReport>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<ZeroReport, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<ZeroReport, object?>>>
        {
            [nameof(ZeroReportRow.FiledOn)] = z => z.FiledOn,
            [nameof(ZeroReportRow.WorkerName)] = z => z.Worker!.Name,
            [nameof(ZeroReportRow.DivisionName)] = z => z.DivisionCode,
        };

    public Task<PagedResult<ZeroReportRow>> ListAsync(Period period, SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, period, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<ZeroReportRow> ExportAsync(Period period, SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, period, filter), sortBy, descending, ToRow, cancellationToken);

    /// <summary>Files the month's zero report for each worker; a worker who already filed one for the month is refused.</summary>
    public async Task<int> FileAsync(IReadOnlyCollection<int> workerIds, Period period, DateOnly? filedOn = null, CancellationToken cancellationToken = default)
    {
        if (!currentUser.User.CanEdit(ServiceLine.SocialAssistance))
        {
            throw new AccessDeniedException("您没有填报零报告的权限。");
        }

        var today = clock.Today();
        var on = filedOn ?? today;
        if (period > Period.Of(today) || on > today)
        {
            throw new DomainException("不能为未来的月份填报零报告。");
        }

        await using var db = Factory.CreateDbContext();
        var key = period.Key;
        var workers = await db.AssistanceWorkers.Where(w => workerIds.Contains(w.Id)).Select(w => new { w.Id, w.Name, w.DivisionCode }).ToListAsync(cancellationToken);
        if (workers.Count != workerIds.Distinct().Count())
        {
            throw new DomainException("部分工作人员不存在，或不在您的管辖范围内。");
        }

        var filed = await db.ZeroReports.Where(z => z.Period == key && workerIds.Contains(z.WorkerId)).Select(z => z.Worker!.Name).ToListAsync(cancellationToken);
        if (filed.Count > 0)
        {
            throw new DomainException($"{string.Join("、", filed.Take(5))}{(filed.Count > 5 ? "等" : string.Empty)}已填报{period.ChineseName}的零报告，不能重复填报。");
        }

        db.ZeroReports.AddRange(workers.Select(w => new ZeroReport { WorkerId = w.Id, DivisionCode = w.DivisionCode, Period = key, FiledOn = on }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"部分工作人员已填报{period.ChineseName}的零报告，不能重复填报。", ex);
        }

        return workers.Count;
    }

    /// <summary>Active workers of the filter who filed neither a zero report nor a relative filing for the month.</summary>
    public async Task<PagedResult<WorkerRow>> NotReportedAsync(Period period, SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var query = NotReported(db, period, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(w => w.DivisionCode).ThenBy(w => w.Name).ThenBy(w => w.Id).Skip(page.Skip).Take(page.Size)
            .Select(w => new WorkerRow(w.Id, w.Name, w.Level, w.DivisionCode, w.Post, w.Active)).ToListAsync(cancellationToken);
        return new PagedResult<WorkerRow>(rows, total);
    }

    private static IQueryable<AssistanceWorker> NotReported(CivilAffairsDbContext db, Period period, SupportFilter filter)
    {
        var (key, start, end) = (period.Key, period.Start, period.End);
        var workers = InDivision(db.AssistanceWorkers.Where(w => w.Active), filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            workers = workers.Where(w => w.Name.Contains(text));
        }

        return workers.Where(w => !db.ZeroReports.Any(z => z.WorkerId == w.Id && z.Period == key)
            && !db.RelativeFilings.Any(f => f.WorkerId == w.Id && f.FiledOn >= start && f.FiledOn <= end));
    }

    private static IQueryable<ZeroReport> Filter(CivilAffairsDbContext db, Period period, SupportFilter filter)
    {
        var key = period.Key;
        var query = InDivision(db.ZeroReports.Where(z => z.Period == key), filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(z => z.Worker!.Name.Contains(text));
        }

        if (filter.KindAs<WorkerLevel>() is { } level)
        {
            query = query.Where(z => z.Worker!.Level == level);
        }

        return query;
    }

    private static readonly Expression<Func<ZeroReport, ZeroReportRow>> ToRow = z => new ZeroReportRow(
        z.Id, z.Version, z.WorkerId, z.Worker!.Name, z.Worker.Level, z.DivisionCode, z.Period, z.FiledOn);
}
