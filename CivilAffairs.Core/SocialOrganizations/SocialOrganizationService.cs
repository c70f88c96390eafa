using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialOrganizations;

/// <summary>A list filter shared by the 社会组织 and 慈善 lists; <see cref="Kind"/> is the list's own type filter (enum name).</summary>
public sealed record LineFilter(string? Text = null, string? DivisionCode = null, DateOnly? From = null, DateOnly? To = null, string? Kind = null)
{
    public TEnum? KindAs<TEnum>()
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(Kind, out var value) && Enum.IsDefined(value) ? value : null;
}

public sealed record OrganizationRow(
    int Id, string Name, string? CreditCode, OrganizationType Type, DateOnly RegisteredOn, string LegalRepresentative, string? SupervisingUnit,
    OrganizationStatus Status, bool HasPartyOrganization, bool RegisteredOnline, int? CurrentGrade, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public string GradeName => CurrentGrade is { } g ? OrganizationRating.GradeName(g) : "未评估";
}

public sealed class OrganizationForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? CreditCode { get; set; }
    public OrganizationType Type { get; set; } = OrganizationType.SocialGroup;
    public DateOnly RegisteredOn { get; set; }
    public string LegalRepresentative { get; set; } = string.Empty;
    public string? SupervisingUnit { get; set; }
    public OrganizationStatus Status { get; set; } = OrganizationStatus.Normal;
    public DateOnly? StatusChangedOn { get; set; }
    public bool HasPartyOrganization { get; set; }
    public bool RegisteredOnline { get; set; }
    public string DivisionCode { get; set; } = string.Empty;
}

public sealed record RatingRow(int Id, Guid Version, int Year, int Grade, DateOnly RatedOn, DateOnly ValidUntil)
{
    public string GradeName => OrganizationRating.GradeName(Grade);
}

public sealed record RatingForm(int Year, int Grade, DateOnly RatedOn, DateOnly ValidUntil);

/// <summary>
/// 社会组织 register: list (type, status filters; <see cref="LineFilter.Kind"/> is an <see cref="OrganizationType"/>
/// name or "Revoked"/"Deregistered"), form, export, and the organisation's rating history.
/// </summary>
public sealed class SocialOrganizationService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock)
    : RecordService<SocialOrganization>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<SocialOrganization, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<SocialOrganization, object?>>>
        {
            [nameof(OrganizationRow.Name)] = o => o.Name,
            [nameof(OrganizationRow.CreditCode)] = o => o.CreditCode,
            [nameof(OrganizationRow.RegisteredOn)] = o => o.RegisteredOn,
            [nameof(OrganizationRow.Type)] = o => o.Type,
            [nameof(OrganizationRow.DivisionName)] = o => o.DivisionCode,
        };

    public Task<PagedResult<OrganizationRow>> ListAsync(LineFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow(clock.Today()), cancellationToken);

    public IAsyncEnumerable<OrganizationRow> ExportAsync(LineFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow(clock.Today()), cancellationToken);

    /// <summary>Organisations (in scope, in force) for a picker, by name or credit code.</summary>
    public async Task<IReadOnlyList<LookupOption>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var query = db.SocialOrganizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Normal);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(o => o.Name.Contains(t) || o.CreditCode == t.ToUpper());
        }

        return await query.OrderBy(o => o.Name).Take(20).Select(o => new LookupOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    public async Task<OrganizationForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.SocialOrganizations.AsNoTracking().Where(o => o.Id == id).Select(o => new OrganizationForm
        {
            Id = o.Id, Version = o.Version, Name = o.Name, CreditCode = o.CreditCode, Type = o.Type, RegisteredOn = o.RegisteredOn,
            LegalRepresentative = o.LegalRepresentative, SupervisingUnit = o.SupervisingUnit, Status = o.Status, StatusChangedOn = o.StatusChangedOn,
            HasPartyOrganization = o.HasPartyOrganization, RegisteredOnline = o.RegisteredOnline, DivisionCode = o.DivisionCode,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(OrganizationForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new SocialOrganization(), async (db, o) =>
        {
            RequireDivision(db, form.DivisionCode);
            var code = string.IsNullOrWhiteSpace(form.CreditCode) ? null : CreditCode.Parse(form.CreditCode).Value;
            if (code is not null && await db.SocialOrganizations.IgnoreQueryFilters().AnyAsync(x => x.CreditCode == code && x.Id != form.Id, cancellationToken))
            {
                throw new DomainException($"统一社会信用代码 {code} 已登记，不能重复录入。");
            }

            (o.Name, o.CreditCode, o.Type, o.RegisteredOn) = ((form.Name ?? string.Empty).Trim(), code, form.Type, form.RegisteredOn);
            (o.LegalRepresentative, o.SupervisingUnit) = ((form.LegalRepresentative ?? string.Empty).Trim(), string.IsNullOrWhiteSpace(form.SupervisingUnit) ? null : form.SupervisingUnit.Trim());
            (o.Status, o.StatusChangedOn) = (form.Status, form.Status == OrganizationStatus.Normal ? null : form.StatusChangedOn);
            (o.HasPartyOrganization, o.RegisteredOnline, o.DivisionCode) = (form.HasPartyOrganization, form.RegisteredOnline, form.DivisionCode);
            o.Validate(clock.Today());
        }, cancellationToken);

    public async Task<IReadOnlyList<RatingRow>> RatingsAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.OrganizationRatings.AsNoTracking().Where(r => r.OrganizationId == organizationId)
            .OrderByDescending(r => r.RatedOn).Select(r => new RatingRow(r.Id, r.Version, r.Year, r.Grade, r.RatedOn, r.ValidUntil)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a rating (one per organisation and year); the organisation must be in scope and in force.</summary>
    public async Task AddRatingAsync(int organizationId, RatingForm form, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var organization = await db.SocialOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            ?? throw new DomainException(NotFoundMessage);
        if (organization.Status != OrganizationStatus.Normal)
        {
            throw new DomainException($"“{organization.Name}”已{organization.Status.ChineseName()}，不能再评估。");
        }

        if (await db.OrganizationRatings.AnyAsync(r => r.OrganizationId == organizationId && r.Year == form.Year, cancellationToken))
        {
            throw new DomainException($"“{organization.Name}”已有 {form.Year} 年度的评估结果。");
        }

        var rating = new OrganizationRating
        {
            OrganizationId = organizationId, Year = form.Year, Grade = form.Grade, RatedOn = form.RatedOn, ValidUntil = form.ValidUntil, DivisionCode = organization.DivisionCode,
        };
        rating.Validate(clock.Today());
        db.OrganizationRatings.Add(rating);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteRatingAsync(int ratingId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var rating = await db.OrganizationRatings.FirstOrDefaultAsync(r => r.Id == ratingId, cancellationToken) ?? throw new DomainException(NotFoundMessage);
        db.Entry(rating).Property(r => r.Version).OriginalValue = version;
        db.OrganizationRatings.Remove(rating);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<SocialOrganization> Filter(CivilAffairsDbContext db, LineFilter filter)
    {
        var query = InDivision(db.SocialOrganizations, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(o => o.Name.Contains(text) || o.CreditCode == text.ToUpper() || o.LegalRepresentative.Contains(text));
        }

        if (filter.KindAs<OrganizationType>() is { } type)
        {
            query = query.Where(o => o.Type == type);
        }
        else if (filter.KindAs<OrganizationStatus>() is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.From is { } from)
        {
            query = query.Where(o => o.RegisteredOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(o => o.RegisteredOn <= to);
        }

        return query;
    }

    private static Expression<Func<SocialOrganization, OrganizationRow>> ToRow(DateOnly today) => o => new OrganizationRow(
        o.Id, o.Name, o.CreditCode, o.Type, o.RegisteredOn, o.LegalRepresentative, o.SupervisingUnit, o.Status, o.HasPartyOrganization, o.RegisteredOnline,
        o.Status == OrganizationStatus.Normal
            ? o.Ratings.Where(r => r.RatedOn <= today && r.ValidUntil >= today).OrderByDescending(r => r.RatedOn).Select(r => (int?)r.Grade).FirstOrDefault()
            : null,
        o.DivisionCode);
}
