using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.ChildDisability;

public sealed record DisabilityRow(int Id, string Name, string IdNumber, string CertificateNumber, DisabilityCategory Category, int Grade,
    DisabilitySubsidyType SubsidyType, DateOnly StartOn, DateOnly? EndOn, bool CrossProvince, DateOnly? DateOfDeath, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class DisabilityForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int PersonId { get; set; }
    public string PersonName { get; set; } = string.Empty;
    public string CertificateNumber { get; set; } = string.Empty;
    public DisabilitySubsidyType SubsidyType { get; set; } = DisabilitySubsidyType.Living;
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public bool CrossProvince { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// 残疾人两项补贴对象. A record belongs to its person's division. Filter Kind: a <see cref="DisabilitySubsidyType"/>
/// name, "Active" (in force today), "Ended" or "CrossProvince".
/// </summary>
public sealed class DisabilitySubsidyService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
    : RecordService<DisabilitySubsidy>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<DisabilitySubsidy, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<DisabilitySubsidy, object?>>>
        {
            [nameof(DisabilityRow.Name)] = s => s.Person!.Name,
            [nameof(DisabilityRow.Grade)] = s => s.Grade,
            [nameof(DisabilityRow.StartOn)] = s => s.StartOn,
            [nameof(DisabilityRow.DivisionName)] = s => s.DivisionCode,
        };

    public async Task<PagedResult<DisabilityRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);
        return currentUser.User.CanSeeFullIdNumbers ? result : result with { Items = [.. result.Items.Select(Mask)] };
    }

    public async IAsyncEnumerable<DisabilityRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var full = currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken))
        {
            yield return full ? row : Mask(row);
        }
    }

    public async Task<DisabilityForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var form = await db.DisabilitySubsidies.AsNoTracking().Where(s => s.Id == id).Select(s => new DisabilityForm
        {
            Id = s.Id, Version = s.Version, PersonId = s.PersonId, PersonName = s.Person!.Name, CertificateNumber = s.CertificateNumber,
            SubsidyType = s.SubsidyType, StartOn = s.StartOn, EndOn = s.EndOn, CrossProvince = s.CrossProvince, Note = s.Note,
        }).FirstOrDefaultAsync(cancellationToken);
        if (form is not null && !currentUser.User.CanSeeFullIdNumbers)
        {
            form.CertificateNumber = DisabilityCertificate.Mask(form.CertificateNumber);
        }

        return form;
    }

    public Task<int> SaveAsync(DisabilityForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new DisabilitySubsidy(), async (db, s) =>
        {
            var today = clock.Today();
            var person = await db.People.Where(p => p.Id == form.PersonId).Select(p => new { p.Id, p.IdNumber, p.DivisionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择残疾人（须为您管辖范围内的登记人员）。");
            // A masked number coming back from a form that could not show it keeps the stored certificate.
            var text = form.CertificateNumber?.Contains('*') == true && form.Id != 0 ? s.CertificateNumber : form.CertificateNumber;
            var certificate = DisabilityCertificate.ParseFor(text, person.IdNumber, today);
            if (form.StartOn == default || form.StartOn > today.AddMonths(1))
            {
                throw new DomainException("请填写起始日期（不晚于下月）。");
            }

            if (await db.DisabilitySubsidies.AnyAsync(x => x.Id != form.Id && x.PersonId == person.Id && x.SubsidyType == form.SubsidyType
                && (x.EndOn == null || x.EndOn >= form.StartOn) && (form.EndOn == null || x.StartOn <= form.EndOn), cancellationToken))
            {
                throw new DomainException($"该残疾人在此期间已享受{form.SubsidyType.ChineseName()}，不能重复登记。");
            }

            (s.PersonId, s.CertificateNumber, s.Category, s.Grade, s.SubsidyType, s.StartOn, s.EndOn, s.CrossProvince, s.DivisionCode) =
                (person.Id, certificate.Value, certificate.Category, certificate.Grade, form.SubsidyType, form.StartOn, form.EndOn, form.CrossProvince, person.DivisionCode);
            s.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
            s.Validate();
        }, cancellationToken);

    private IQueryable<DisabilitySubsidy> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.DisabilitySubsidies, filter.DivisionCode);
        var today = clock.Today();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(s => s.Person!.Name.Contains(text) || s.Person.IdNumber == text || s.CertificateNumber == text);
        }

        query = filter.Kind switch
        {
            "Active" => query.Where(s => s.StartOn <= today && (s.EndOn == null || s.EndOn >= today)),
            "Ended" => query.Where(s => s.EndOn != null && s.EndOn < today),
            "CrossProvince" => query.Where(s => s.CrossProvince),
            _ when filter.KindAs<DisabilitySubsidyType>() is { } type => query.Where(s => s.SubsidyType == type),
            _ => query,
        };
        if (filter.From is { } from)
        {
            query = query.Where(s => s.StartOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(s => s.StartOn <= to);
        }

        return query;
    }

    private static DisabilityRow Mask(DisabilityRow row) =>
        row with { IdNumber = ResidentId.Mask(row.IdNumber), CertificateNumber = DisabilityCertificate.Mask(row.CertificateNumber) };

    private static readonly Expression<Func<DisabilitySubsidy, DisabilityRow>> ToRow = s => new DisabilityRow(
        s.Id, s.Person!.Name, s.Person.IdNumber, s.CertificateNumber, s.Category, s.Grade, s.SubsidyType, s.StartOn, s.EndOn, s.CrossProvince,
        s.Person.DateOfDeath, s.DivisionCode);
}

public sealed record ChildRow(int Id, string Name, string IdNumber, ChildCategory Category, string GuardianName, string GuardianRelation, string? GuardianPhone,
    string? InstitutionName, DateOnly StartOn, DateOnly? EndOn, ChildExitReason? ExitReason, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public string StatusName => EndOn is null ? "在保" : $"已退出（{ExitReason?.ChineseName()}）";
}

public sealed class ChildForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int PersonId { get; set; }
    public string PersonName { get; set; } = string.Empty;
    public ChildCategory Category { get; set; } = ChildCategory.OrphanDispersed;
    public string GuardianName { get; set; } = string.Empty;
    public string GuardianRelation { get; set; } = string.Empty;
    public string? GuardianPhone { get; set; }
    public int? InstitutionId { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public ChildExitReason? ExitReason { get; set; }
}

/// <summary>孤儿 and 事实无人抚养儿童. Filter Kind: a <see cref="ChildCategory"/> name, "Active" or "Ended".</summary>
public sealed class ChildInCareService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
    : RecordService<ChildInCare>(factory)
{
    public const int AdultAge = 18;

    protected override IReadOnlyDictionary<string, Expression<Func<ChildInCare, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<ChildInCare, object?>>>
        {
            [nameof(ChildRow.Name)] = c => c.Person!.Name,
            [nameof(ChildRow.StartOn)] = c => c.StartOn,
            [nameof(ChildRow.DivisionName)] = c => c.DivisionCode,
        };

    public async Task<PagedResult<ChildRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);
        return currentUser.User.CanSeeFullIdNumbers ? result : result with { Items = [.. result.Items.Select(Mask)] };
    }

    public async IAsyncEnumerable<ChildRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var full = currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken))
        {
            yield return full ? row : Mask(row);
        }
    }

    public async Task<ChildForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.ChildrenInCare.AsNoTracking().Where(c => c.Id == id).Select(c => new ChildForm
        {
            Id = c.Id, Version = c.Version, PersonId = c.PersonId, PersonName = c.Person!.Name, Category = c.Category, GuardianName = c.GuardianName,
            GuardianRelation = c.GuardianRelation, GuardianPhone = c.GuardianPhone, InstitutionId = c.InstitutionId, StartOn = c.StartOn, EndOn = c.EndOn,
            ExitReason = c.ExitReason,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Child welfare institutions in scope, for the centralised-care picker.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> InstitutionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var rows = await db.WelfareFacilities.AsNoTracking().Where(f => f.Kind == WelfareFacilityKind.ChildWelfareInstitution)
            .OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => (r.Id, r.Name));
    }

    public Task<int> SaveAsync(ChildForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new ChildInCare(), async (db, c) =>
        {
            var today = clock.Today();
            var person = await db.People.Where(p => p.Id == form.PersonId).Select(p => new { p.Id, p.BirthDate, p.DivisionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择儿童（须为您管辖范围内的登记人员）。");
            if (form.StartOn == default || form.StartOn > today.AddMonths(1))
            {
                throw new DomainException("请填写纳入保障日期（不晚于下月）。");
            }

            if (Age.On(person.BirthDate, form.StartOn) >= AdultAge)
            {
                throw new DomainException($"纳入保障时该人员已年满 {AdultAge} 周岁，不属于儿童保障对象。");
            }

            if (form.Category == ChildCategory.OrphanCentralised
                && (form.InstitutionId is not > 0 || !await db.WelfareFacilities.AnyAsync(f => f.Id == form.InstitutionId && f.Kind == WelfareFacilityKind.ChildWelfareInstitution, cancellationToken)))
            {
                throw new DomainException("集中养育的孤儿须选择所在儿童福利机构（须在您的管辖范围内）。");
            }

            if (await db.ChildrenInCare.AnyAsync(x => x.Id != form.Id && x.PersonId == person.Id
                && (x.EndOn == null || x.EndOn >= form.StartOn) && (form.EndOn == null || x.StartOn <= form.EndOn), cancellationToken))
            {
                throw new DomainException("该儿童在此期间已有保障记录，请先终止原记录。");
            }

            (c.PersonId, c.Category, c.GuardianName, c.GuardianRelation, c.StartOn, c.EndOn, c.ExitReason, c.DivisionCode) =
                (person.Id, form.Category, (form.GuardianName ?? string.Empty).Trim(), (form.GuardianRelation ?? string.Empty).Trim(), form.StartOn, form.EndOn, form.ExitReason, person.DivisionCode);
            c.GuardianPhone = string.IsNullOrWhiteSpace(form.GuardianPhone) ? null : form.GuardianPhone.Trim();
            c.InstitutionId = form.Category == ChildCategory.OrphanCentralised ? form.InstitutionId : null;
            c.Validate();
        }, cancellationToken);

    private IQueryable<ChildInCare> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.ChildrenInCare, filter.DivisionCode);
        var today = clock.Today();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(c => c.Person!.Name.Contains(text) || c.Person.IdNumber == text || c.GuardianName.Contains(text));
        }

        query = filter.Kind switch
        {
            "Active" => query.Where(c => c.StartOn <= today && c.EndOn == null),
            "Ended" => query.Where(c => c.EndOn != null),
            _ when filter.KindAs<ChildCategory>() is { } category => query.Where(c => c.Category == category),
            _ => query,
        };
        if (filter.From is { } from)
        {
            query = query.Where(c => c.StartOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.StartOn <= to);
        }

        return query;
    }

    private static ChildRow Mask(ChildRow row) => row with { IdNumber = ResidentId.Mask(row.IdNumber) };

    private static readonly Expression<Func<ChildInCare, ChildRow>> ToRow = c => new ChildRow(
        c.Id, c.Person!.Name, c.Person.IdNumber, c.Category, c.GuardianName, c.GuardianRelation, c.GuardianPhone,
        c.Institution != null ? c.Institution.Name : null, c.StartOn, c.EndOn, c.ExitReason, c.DivisionCode);
}
