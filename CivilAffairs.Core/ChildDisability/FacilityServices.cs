using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.ChildDisability;

public sealed record WelfareFacilityRow(int Id, string Name, WelfareFacilityKind Kind, string DivisionCode, decimal Investment, int? InvestmentYear, int Capacity,
    DateOnly? OpenedOn, WelfareFacilityStatus Status, int ChildrenServed, string? Operator)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class WelfareFacilityForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Name { get; set; } = string.Empty;
    public WelfareFacilityKind Kind { get; set; } = WelfareFacilityKind.MinorProtectionStation;
    public string DivisionCode { get; set; } = string.Empty;
    /// <summary>万元 on the form; stored in 元.</summary>
    public decimal InvestmentWan { get; set; }
    public int? InvestmentYear { get; set; }
    public int Capacity { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public WelfareFacilityStatus Status { get; set; } = WelfareFacilityStatus.Operating;
    public int ChildrenServed { get; set; }
    public string? Operator { get; set; }
}

/// <summary>儿童福利机构, 未成年人保护工作站, 精神卫生福利机构. Filter Kind: a <see cref="WelfareFacilityKind"/> name.</summary>
public sealed class WelfareFacilityService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<WelfareFacility>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<WelfareFacility, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<WelfareFacility, object?>>>
        {
            [nameof(WelfareFacilityRow.Name)] = f => f.Name,
            [nameof(WelfareFacilityRow.Investment)] = f => f.Investment,
            [nameof(WelfareFacilityRow.Capacity)] = f => f.Capacity,
            [nameof(WelfareFacilityRow.OpenedOn)] = f => f.OpenedOn,
            [nameof(WelfareFacilityRow.DivisionName)] = f => f.DivisionCode,
        };

    public Task<PagedResult<WelfareFacilityRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<WelfareFacilityRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<WelfareFacilityForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.WelfareFacilities.AsNoTracking().Where(f => f.Id == id).Select(f => new WelfareFacilityForm
        {
            Id = f.Id, Version = f.Version, Name = f.Name, Kind = f.Kind, DivisionCode = f.DivisionCode, InvestmentWan = f.Investment / 10000m,
            InvestmentYear = f.InvestmentYear, Capacity = f.Capacity, OpenedOn = f.OpenedOn, Status = f.Status, ChildrenServed = f.ChildrenServed, Operator = f.Operator,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(WelfareFacilityForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new WelfareFacility(), async (db, f) =>
        {
            RequireDivision(db, form.DivisionCode);
            var name = (form.Name ?? string.Empty).Trim();
            if (await db.WelfareFacilities.AnyAsync(x => x.Id != form.Id && x.Name == name, cancellationToken))
            {
                throw new DomainException($"已有名为“{name}”的机构。");
            }

            (f.Name, f.Kind, f.DivisionCode, f.Investment, f.InvestmentYear, f.Capacity, f.OpenedOn, f.Status, f.ChildrenServed) =
                (name, form.Kind, form.DivisionCode, Numbers.WanToYuan(form.InvestmentWan, "投资金额"), form.InvestmentWan > 0 ? form.InvestmentYear : null, form.Capacity,
                 form.OpenedOn, form.Status, form.ChildrenServed);
            f.Operator = string.IsNullOrWhiteSpace(form.Operator) ? null : form.Operator.Trim();
            f.Validate(clock.Today());
        }, cancellationToken);

    private static IQueryable<WelfareFacility> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.WelfareFacilities, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(f => f.Name.Contains(text) || (f.Operator != null && f.Operator.Contains(text)));
        }

        if (filter.KindAs<WelfareFacilityKind>() is { } kind)
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

    private static readonly Expression<Func<WelfareFacility, WelfareFacilityRow>> ToRow = f => new WelfareFacilityRow(
        f.Id, f.Name, f.Kind, f.DivisionCode, f.Investment, f.InvestmentYear, f.Capacity, f.OpenedOn, f.Status, f.ChildrenServed, f.Operator);
}

public sealed record RehabActivityRow(int Id, Guid Version, string Title, RehabActivityKind Kind, DateOnly HeldOn, string DivisionCode, int Participants)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class RehabActivityForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Title { get; set; } = string.Empty;
    public RehabActivityKind Kind { get; set; } = RehabActivityKind.Training;
    public DateOnly HeldOn { get; set; }
    public string DivisionCode { get; set; } = string.Empty;
    public int Participants { get; set; }
}

/// <summary>社区康复活动. Filter Kind: a <see cref="RehabActivityKind"/> name.</summary>
public sealed class RehabActivityService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<RehabActivity>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<RehabActivity, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<RehabActivity, object?>>>
        {
            [nameof(RehabActivityRow.Title)] = a => a.Title,
            [nameof(RehabActivityRow.HeldOn)] = a => a.HeldOn,
            [nameof(RehabActivityRow.Participants)] = a => a.Participants,
            [nameof(RehabActivityRow.DivisionName)] = a => a.DivisionCode,
        };

    public Task<PagedResult<RehabActivityRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<RehabActivityRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<RehabActivityForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.RehabActivities.AsNoTracking().Where(a => a.Id == id).Select(a => new RehabActivityForm
        {
            Id = a.Id, Version = a.Version, Title = a.Title, Kind = a.Kind, HeldOn = a.HeldOn, DivisionCode = a.DivisionCode, Participants = a.Participants,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(RehabActivityForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new RehabActivity(), (db, a) =>
        {
            RequireDivision(db, form.DivisionCode);
            if (form.HeldOn == default || form.HeldOn > clock.Today())
            {
                throw new DomainException("请填写活动日期（不晚于今天）。");
            }

            (a.Title, a.Kind, a.HeldOn, a.DivisionCode, a.Participants) = ((form.Title ?? string.Empty).Trim(), form.Kind, form.HeldOn, form.DivisionCode, form.Participants);
            a.Validate();
            return Task.CompletedTask;
        }, cancellationToken);

    private static IQueryable<RehabActivity> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.RehabActivities, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => a.Title.Contains(text));
        }

        if (filter.KindAs<RehabActivityKind>() is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.HeldOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.HeldOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<RehabActivity, RehabActivityRow>> ToRow = a => new RehabActivityRow(
        a.Id, a.Version, a.Title, a.Kind, a.HeldOn, a.DivisionCode, a.Participants);
}

public sealed record EducationAidRow(int Id, string Name, string IdNumber, int Year, string School, decimal Amount, DateOnly GrantedOn, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class EducationAidForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int PersonId { get; set; }
    public string PersonName { get; set; } = string.Empty;
    public int Year { get; set; }
    public string School { get; set; } = string.Empty;
    public decimal Amount { get; set; }
    public DateOnly GrantedOn { get; set; }
}

/// <summary>福彩圆梦·孤儿助学: one aid per student and year. Filter Kind: a year (e.g. "2026").</summary>
public sealed class EducationAidService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock) : RecordService<EducationAid>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<EducationAid, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<EducationAid, object?>>>
        {
            [nameof(EducationAidRow.Name)] = a => a.Person!.Name,
            [nameof(EducationAidRow.Year)] = a => a.Year,
            [nameof(EducationAidRow.Amount)] = a => a.Amount,
            [nameof(EducationAidRow.GrantedOn)] = a => a.GrantedOn,
            [nameof(EducationAidRow.DivisionName)] = a => a.DivisionCode,
        };

    public async Task<PagedResult<EducationAidRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);
        return currentUser.User.CanSeeFullIdNumbers ? result : result with { Items = [.. result.Items.Select(r => r with { IdNumber = ResidentId.Mask(r.IdNumber) })] };
    }

    public async IAsyncEnumerable<EducationAidRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var full = currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken))
        {
            yield return full ? row : row with { IdNumber = ResidentId.Mask(row.IdNumber) };
        }
    }

    public async Task<EducationAidForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.EducationAids.AsNoTracking().Where(a => a.Id == id).Select(a => new EducationAidForm
        {
            Id = a.Id, Version = a.Version, PersonId = a.PersonId, PersonName = a.Person!.Name, Year = a.Year, School = a.School, Amount = a.Amount, GrantedOn = a.GrantedOn,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(EducationAidForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new EducationAid(), async (db, a) =>
        {
            var person = await db.People.Where(p => p.Id == form.PersonId).Select(p => new { p.Id, p.DivisionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择受助学生（须为您管辖范围内的登记人员）。");
            if (form.GrantedOn == default || form.GrantedOn > clock.Today())
            {
                throw new DomainException("请填写发放日期（不晚于今天）。");
            }

            if (await db.EducationAids.AnyAsync(x => x.Id != form.Id && x.PersonId == person.Id && x.Year == form.Year, cancellationToken))
            {
                throw new DomainException($"该学生 {form.Year} 年度已获孤儿助学资助，每人每年只能资助一次。");
            }

            (a.PersonId, a.Year, a.School, a.Amount, a.GrantedOn, a.DivisionCode) = (person.Id, form.Year, (form.School ?? string.Empty).Trim(), form.Amount, form.GrantedOn, person.DivisionCode);
            a.Validate(clock.Today());
        }, cancellationToken);

    private static IQueryable<EducationAid> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.EducationAids, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => a.Person!.Name.Contains(text) || a.School.Contains(text));
        }

        if (int.TryParse(filter.Kind, out var year))
        {
            query = query.Where(a => a.Year == year);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.GrantedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.GrantedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<EducationAid, EducationAidRow>> ToRow = a => new EducationAidRow(
        a.Id, a.Person!.Name, a.Person.IdNumber, a.Year, a.School, a.Amount, a.GrantedOn, a.DivisionCode);
}

public sealed record EligibleRow(int Id, Guid Version, string DivisionCode, DisabilitySubsidyType SubsidyType, int Count, int EffectiveFrom)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>应保人数 records (coverage denominators), per division, subsidy type and month from which they apply.</summary>
public sealed class EligiblePopulationService(IDbContextFactory<CivilAffairsDbContext> factory) : RecordService<EligiblePopulation>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<EligiblePopulation, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<EligiblePopulation, object?>>>();

    public async Task<IReadOnlyList<EligibleRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.EligiblePopulations.AsNoTracking().OrderBy(e => e.DivisionCode).ThenBy(e => e.SubsidyType).ThenByDescending(e => e.EffectiveFrom)
            .Select(e => new EligibleRow(e.Id, e.Version, e.DivisionCode, e.SubsidyType, e.Count, e.EffectiveFrom)).ToListAsync(cancellationToken);
    }

    public Task<int> SaveAsync(EligibleRow row, CancellationToken cancellationToken = default) =>
        SaveAsync(row.Id, row.Version, () => new EligiblePopulation(), async (db, e) =>
        {
            RequireDivision(db, row.DivisionCode);
            if (await db.EligiblePopulations.AnyAsync(x => x.Id != row.Id && x.DivisionCode == row.DivisionCode && x.SubsidyType == row.SubsidyType && x.EffectiveFrom == row.EffectiveFrom, cancellationToken))
            {
                throw new DomainException("该区划、补贴类别在同一月份已有应保人数。");
            }

            (e.DivisionCode, e.SubsidyType, e.Count, e.EffectiveFrom) = (row.DivisionCode, row.SubsidyType, row.Count, row.EffectiveFrom);
            e.Validate();
        }, cancellationToken);

    public Task DeleteAsync(EligibleRow row, CancellationToken cancellationToken = default) => DeleteAsync(row.Id, row.Version, cancellationToken);
}
