using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialOrganizations;

public sealed record ApplicationRow(
    int Id, ApplicationKind Kind, ApplicationChannel Channel, int Visits, DateOnly SubmittedOn, ApplicationStatus Status, DateOnly? DecidedOn,
    int? DaysToDecision, string Name, OrganizationType OrganizationType, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class ApplicationForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public ApplicationKind Kind { get; set; } = ApplicationKind.Establish;
    public ApplicationChannel Channel { get; set; } = ApplicationChannel.Online;
    public int Visits { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public int? OrganizationId { get; set; }
    public string? OrganizationName { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? CreditCode { get; set; }
    public OrganizationType OrganizationType { get; set; } = OrganizationType.SocialGroup;
    public string LegalRepresentative { get; set; } = string.Empty;
    public string? SupervisingUnit { get; set; }
    public bool HasPartyOrganization { get; set; }
    public string DivisionCode { get; set; } = string.Empty;

    // Read only: the decision.
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Pending;
    public DateOnly? DecidedOn { get; set; }
    public string? RefusalReason { get; set; }
}

/// <summary>
/// 登记申请: pending applications are edited; a decision (准予/不予登记) is a state transition that applies
/// the application to the register in the same save, so the audit trail holds both changes together.
/// <see cref="LineFilter.Kind"/> is an <see cref="ApplicationStatus"/> or <see cref="ApplicationKind"/> name.
/// </summary>
public sealed class RegistrationApplicationService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock)
    : RecordService<RegistrationApplication>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<RegistrationApplication, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<RegistrationApplication, object?>>>
        {
            [nameof(ApplicationRow.SubmittedOn)] = a => a.SubmittedOn,
            [nameof(ApplicationRow.DecidedOn)] = a => a.DecidedOn,
            [nameof(ApplicationRow.Name)] = a => a.Name,
            [nameof(ApplicationRow.Visits)] = a => a.Visits,
            [nameof(ApplicationRow.DivisionName)] = a => a.DivisionCode,
        };

    public Task<PagedResult<ApplicationRow>> ListAsync(LineFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<ApplicationRow> ExportAsync(LineFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<ApplicationForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.RegistrationApplications.AsNoTracking().Where(a => a.Id == id).Select(a => new ApplicationForm
        {
            Id = a.Id, Version = a.Version, Kind = a.Kind, Channel = a.Channel, Visits = a.Visits, SubmittedOn = a.SubmittedOn,
            OrganizationId = a.OrganizationId, OrganizationName = a.Organization != null ? a.Organization.Name : null, Name = a.Name, CreditCode = a.CreditCode,
            OrganizationType = a.OrganizationType, LegalRepresentative = a.LegalRepresentative, SupervisingUnit = a.SupervisingUnit,
            HasPartyOrganization = a.HasPartyOrganization, DivisionCode = a.DivisionCode, Status = a.Status, DecidedOn = a.DecidedOn, RefusalReason = a.RefusalReason,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A new or pending application; for 变更/注销 the organisation's current data fill what the form leaves empty.</summary>
    public Task<int> SaveAsync(ApplicationForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new RegistrationApplication(), async (db, a) =>
        {
            if (a.Status != ApplicationStatus.Pending)
            {
                throw new DomainException($"该申请已{a.Status.ChineseName()}，不能再修改。");
            }

            (a.Kind, a.Channel, a.Visits, a.SubmittedOn) = (form.Kind, form.Channel, form.Visits, form.SubmittedOn);
            string? code = string.IsNullOrWhiteSpace(form.CreditCode) ? null : CreditCode.Parse(form.CreditCode).Value;
            if (form.Kind == ApplicationKind.Establish)
            {
                RequireDivision(db, form.DivisionCode);
                a.OrganizationId = null;
                (a.Name, a.OrganizationType, a.LegalRepresentative) = ((form.Name ?? string.Empty).Trim(), form.OrganizationType, (form.LegalRepresentative ?? string.Empty).Trim());
                (a.SupervisingUnit, a.HasPartyOrganization, a.DivisionCode) = (Blank(form.SupervisingUnit), form.HasPartyOrganization, form.DivisionCode);
                a.CreditCode = code;
                if (code is not null && SocialOrganization.TypeMismatch(code, form.OrganizationType) is { } mismatch)
                {
                    throw new DomainException(mismatch);
                }

                if (code is null && form.OrganizationType != OrganizationType.Community)
                {
                    throw new DomainException("成立登记须填写拟赋予的统一社会信用代码（只有备案的社区社会组织可以不填）。");
                }
            }
            else
            {
                var organization = await db.SocialOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == form.OrganizationId, cancellationToken)
                    ?? throw new DomainException($"{form.Kind.ChineseName()}须选择申请的社会组织（须在您的管辖范围内）。");
                a.OrganizationId = organization.Id;
                var change = form.Kind == ApplicationKind.Change;
                a.Name = change && !string.IsNullOrWhiteSpace(form.Name) ? form.Name.Trim() : organization.Name;
                a.LegalRepresentative = change && !string.IsNullOrWhiteSpace(form.LegalRepresentative) ? form.LegalRepresentative.Trim() : organization.LegalRepresentative;
                a.SupervisingUnit = change ? Blank(form.SupervisingUnit) ?? organization.SupervisingUnit : organization.SupervisingUnit;
                a.HasPartyOrganization = change ? form.HasPartyOrganization : organization.HasPartyOrganization;
                (a.OrganizationType, a.CreditCode, a.DivisionCode) = (organization.Type, organization.CreditCode ?? code, organization.DivisionCode);
            }

            a.Validate(clock.Today());
        }, cancellationToken);

    /// <summary>准予登记: applies the application to the register (creating, changing or deregistering the organisation) in one audited save.</summary>
    public async Task<int?> ApproveAsync(int id, Guid version, DateOnly decidedOn, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var application = await Load(db, id, version, cancellationToken);
        SocialOrganization? existing = null;
        if (application.Kind != ApplicationKind.Establish)
        {
            existing = await db.SocialOrganizations.FirstOrDefaultAsync(o => o.Id == application.OrganizationId, cancellationToken);
        }
        else if (application.Status == ApplicationStatus.Pending && application.CreditCode is { } code && await db.SocialOrganizations.IgnoreQueryFilters().AnyAsync(o => o.CreditCode == code, cancellationToken))
        {
            throw new DomainException($"统一社会信用代码 {code} 已登记，不能重复登记。");
        }

        var created = application.Approve(decidedOn, clock.Today(), existing);
        if (created is not null)
        {
            db.SocialOrganizations.Add(created);
        }

        await db.SaveChangesAsync(cancellationToken);
        return created?.Id ?? application.OrganizationId;
    }

    /// <summary>不予登记, with the reason.</summary>
    public async Task RefuseAsync(int id, Guid version, DateOnly decidedOn, string? reason, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var application = await Load(db, id, version, cancellationToken);
        application.Refuse(decidedOn, clock.Today(), reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Only a pending application may be deleted: a decided one is the register's history.</summary>
    public new async Task DeleteAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        await using (var db = Factory.CreateDbContext())
        {
            var status = await db.RegistrationApplications.Where(a => a.Id == id).Select(a => (ApplicationStatus?)a.Status).FirstOrDefaultAsync(cancellationToken);
            if (status is { } s && s != ApplicationStatus.Pending)
            {
                throw new DomainException($"该申请已{s.ChineseName()}，不能删除。");
            }
        }

        await base.DeleteAsync(id, version, cancellationToken);
    }

    private async Task<RegistrationApplication> Load(CivilAffairsDbContext db, int id, Guid version, CancellationToken cancellationToken)
    {
        var application = await db.RegistrationApplications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new DomainException(NotFoundMessage);
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        return application;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IQueryable<RegistrationApplication> Filter(CivilAffairsDbContext db, LineFilter filter)
    {
        var query = InDivision(db.RegistrationApplications, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => a.Name.Contains(text) || a.CreditCode == text.ToUpper());
        }

        if (filter.KindAs<ApplicationStatus>() is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        else if (filter.Kind is { } kind && kind.StartsWith("Kind:", StringComparison.Ordinal) && Enum.TryParse<ApplicationKind>(kind[5..], out var k))
        {
            query = query.Where(a => a.Kind == k);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.SubmittedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.SubmittedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<RegistrationApplication, ApplicationRow>> ToRow = a => new ApplicationRow(
        a.Id, a.Kind, a.Channel, a.Visits, a.SubmittedOn, a.Status, a.DecidedOn, a.DaysToDecision, a.Name, a.OrganizationType, a.DivisionCode);
}
