using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialOrganizations;

public sealed record ProjectRow(
    int Id, string Name, ProjectCategory Category, string OrganizationName, OrganizationType OrganizationType, int Year, decimal Funding,
    bool QualityAward, string? BaseName, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class ProjectForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Name { get; set; } = string.Empty;
    public ProjectCategory Category { get; set; } = ProjectCategory.Incubation;
    public int OrganizationId { get; set; }
    public string? OrganizationName { get; set; }
    public int Year { get; set; }
    public decimal Funding { get; set; }
    public bool QualityAward { get; set; }
    public int? BaseId { get; set; }
}

public sealed record BaseRow(int Id, Guid Version, string Name, int EstablishedYear, bool Active, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>孵化 / 公益创投 projects, and the incubation bases they use (reference records of the line).</summary>
public sealed class IncubationService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock)
    : RecordService<IncubationProject>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<IncubationProject, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<IncubationProject, object?>>>
        {
            [nameof(ProjectRow.Name)] = p => p.Name,
            [nameof(ProjectRow.Year)] = p => p.Year,
            [nameof(ProjectRow.Funding)] = p => p.Funding,
            [nameof(ProjectRow.OrganizationName)] = p => p.Organization!.Name,
            [nameof(ProjectRow.DivisionName)] = p => p.DivisionCode,
        };

    public Task<PagedResult<ProjectRow>> ListAsync(LineFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<ProjectRow> ExportAsync(LineFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<ProjectForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.IncubationProjects.AsNoTracking().Where(p => p.Id == id).Select(p => new ProjectForm
        {
            Id = p.Id, Version = p.Version, Name = p.Name, Category = p.Category, OrganizationId = p.OrganizationId, OrganizationName = p.Organization!.Name,
            Year = p.Year, Funding = p.Funding, QualityAward = p.QualityAward, BaseId = p.BaseId,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The project takes the organisation's division and type (so outcomes count by type).</summary>
    public Task<int> SaveAsync(ProjectForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new IncubationProject(), async (db, p) =>
        {
            var organization = await db.SocialOrganizations.AsNoTracking().Where(o => o.Id == form.OrganizationId)
                .Select(o => new { o.Id, o.Type, o.DivisionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择承接项目的社会组织（须在您的管辖范围内）。");
            if (form.BaseId is > 0 && !await db.IncubationBases.AnyAsync(b => b.Id == form.BaseId, cancellationToken))
            {
                throw new DomainException("所选孵化基地不存在，或不在您的管辖范围内。");
            }

            (p.Name, p.Category, p.OrganizationId, p.OrganizationType, p.DivisionCode) = ((form.Name ?? string.Empty).Trim(), form.Category, organization.Id, organization.Type, organization.DivisionCode);
            (p.Year, p.Funding, p.QualityAward, p.BaseId) = (form.Year, form.Funding, form.QualityAward, form.BaseId is > 0 ? form.BaseId : null);
            p.Validate(clock.Today());
        }, cancellationToken);

    public async Task<IReadOnlyList<BaseRow>> BasesAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.IncubationBases.AsNoTracking().Where(b => !activeOnly || b.Active).OrderBy(b => b.DivisionCode).ThenBy(b => b.Name)
            .Select(b => new BaseRow(b.Id, b.Version, b.Name, b.EstablishedYear, b.Active, b.DivisionCode)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds (id 0) or updates a base.</summary>
    public async Task SaveBaseAsync(BaseRow row, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        RequireDivision(db, row.DivisionCode);
        var name = (row.Name ?? string.Empty).Trim();
        if (name.Length is 0 or > IncubationBase.NameMaxLength)
        {
            throw new DomainException($"请填写孵化基地名称（不超过 {IncubationBase.NameMaxLength} 个字）。");
        }

        Numbers.RequireYear(row.EstablishedYear, "建成年份", 2000, clock.Today().Year);

        if (await db.IncubationBases.IgnoreQueryFilters().AnyAsync(b => b.Name == name && b.Id != row.Id, cancellationToken))
        {
            throw new DomainException($"孵化基地“{name}”已存在。");
        }

        var entity = row.Id == 0 ? db.IncubationBases.Add(new IncubationBase()).Entity
            : await db.IncubationBases.FirstOrDefaultAsync(b => b.Id == row.Id, cancellationToken) ?? throw new DomainException(NotFoundMessage);
        if (row.Id != 0)
        {
            db.Entry(entity).Property(b => b.Version).OriginalValue = row.Version;
        }

        (entity.Name, entity.EstablishedYear, entity.Active, entity.DivisionCode) = (name, row.EstablishedYear, row.Active, row.DivisionCode);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<IncubationProject> Filter(CivilAffairsDbContext db, LineFilter filter)
    {
        var query = InDivision(db.IncubationProjects, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(p => p.Name.Contains(text) || p.Organization!.Name.Contains(text));
        }

        if (filter.KindAs<ProjectCategory>() is { } category)
        {
            query = query.Where(p => p.Category == category);
        }
        else if (filter.Kind == "Quality")
        {
            query = query.Where(p => p.QualityAward);
        }

        if (filter.From is { } from)
        {
            query = query.Where(p => p.Year >= from.Year);
        }

        if (filter.To is { } to)
        {
            query = query.Where(p => p.Year <= to.Year);
        }

        return query;
    }

    private static readonly Expression<Func<IncubationProject, ProjectRow>> ToRow = p => new ProjectRow(
        p.Id, p.Name, p.Category, p.Organization!.Name, p.OrganizationType, p.Year, p.Funding, p.QualityAward, p.Base != null ? p.Base.Name : null, p.DivisionCode);
}
