using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

public sealed record ExtremePovertyFilter(string? Text = null, string? DivisionCode = null, SupportMode? Mode = null, bool ActiveOnly = true, bool WillingButNotCentralised = false);

public sealed record ExtremePovertyRow(int Id, string Name, string IdNumber, string DivisionCode, SupportMode Mode, string? FacilityName, SelfCareAbility SelfCare,
    bool WillingCentralised, decimal MonthlyAmount, DateOnly StartedOn, DateOnly? EndedOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class ExtremePovertyForm
{
    public int Id { get; set; }

    public Guid Version { get; set; }

    public string IdNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string DivisionCode { get; set; } = string.Empty;

    public SupportMode Mode { get; set; } = SupportMode.Dispersed;

    public string? FacilityName { get; set; }

    public SelfCareAbility SelfCare { get; set; } = SelfCareAbility.Full;

    public bool WillingCentralised { get; set; }

    public decimal MonthlyAmount { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? EndReason { get; set; }
}

/// <summary>特困人员 support cases.</summary>
public sealed class ExtremePovertyService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
    : RecordService<ExtremePovertyCase>(factory)
{
    protected override string NotFoundMessage => "该特困供养记录不存在，或不在您的管辖范围内。";

    protected override IReadOnlyDictionary<string, Expression<Func<ExtremePovertyCase, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<ExtremePovertyCase, object?>>>
        {
            [nameof(ExtremePovertyRow.Name)] = c => c.Person!.Name,
            [nameof(ExtremePovertyRow.DivisionName)] = c => c.DivisionCode,
            [nameof(ExtremePovertyRow.Mode)] = c => c.Mode,
            [nameof(ExtremePovertyRow.StartedOn)] = c => c.StartedOn,
        };

    public async Task<PagedResult<ExtremePovertyRow>> ListAsync(ExtremePovertyFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);
        return result with { Items = Mask(result.Items) };
    }

    public async IAsyncEnumerable<ExtremePovertyRow> ExportAsync(ExtremePovertyFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mask = !currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken))
        {
            yield return mask ? row with { IdNumber = ResidentId.Mask(row.IdNumber) } : row;
        }
    }

    public async Task<ExtremePovertyForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var form = await db.ExtremePovertyCases.AsNoTracking().Where(c => c.Id == id).Select(c => new ExtremePovertyForm
        {
            Id = c.Id, Version = c.Version, IdNumber = c.Person!.IdNumber, Name = c.Person.Name, DivisionCode = c.DivisionCode, Mode = c.Mode,
            FacilityName = c.FacilityName, SelfCare = c.SelfCare, WillingCentralised = c.WillingCentralised, MonthlyAmount = c.MonthlyAmount,
            StartedOn = c.StartedOn, EndedOn = c.EndedOn, EndReason = c.EndReason,
        }).FirstOrDefaultAsync(cancellationToken);
        if (form is not null && !currentUser.User.CanSeeFullIdNumbers)
        {
            form.IdNumber = ResidentId.Mask(form.IdNumber);
        }

        return form;
    }

    public Task<int> SaveAsync(ExtremePovertyForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new ExtremePovertyCase(), async (db, c) =>
        {
            if (form.Id == 0)
            {
                var person = await FindOrCreatePersonAsync(db, form, cancellationToken);
                if (person.Id != 0 && await db.ExtremePovertyCases.IgnoreQueryFilters().AnyAsync(x => x.PersonId == person.Id && x.EndedOn == null, cancellationToken))
                {
                    throw new DomainException("该人员已在特困供养中，不能重复认定。");
                }

                c.Person = person;
                c.DivisionCode = person.DivisionCode;
            }

            (c.Mode, c.FacilityName, c.SelfCare, c.WillingCentralised, c.MonthlyAmount) = (form.Mode, form.FacilityName, form.SelfCare, form.WillingCentralised, form.MonthlyAmount);
            (c.StartedOn, c.EndedOn, c.EndReason) = (form.StartedOn, form.EndedOn, string.IsNullOrWhiteSpace(form.EndReason) ? null : form.EndReason.Trim());
            c.Validate(clock.Today());
        }, cancellationToken);

    private async Task<Person> FindOrCreatePersonAsync(CivilAffairsDbContext db, ExtremePovertyForm form, CancellationToken cancellationToken)
    {
        var id = ResidentId.Parse(form.IdNumber, clock.Today());
        var existing = await db.People.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.IdNumber == id.Value, cancellationToken);
        if (existing is not null)
        {
            if (!db.CurrentUser.Scope.Contains(existing.DivisionCode))
            {
                throw new DomainException($"身份证号码 {id.Masked} 已登记在其他辖区，请由该辖区办理。");
            }

            return existing;
        }

        RequireDivision(db, form.DivisionCode);
        var person = new Person(id, form.Name, form.DivisionCode);
        db.People.Add(person);
        return person;
    }

    private static IQueryable<ExtremePovertyCase> Filter(CivilAffairsDbContext db, ExtremePovertyFilter filter)
    {
        var query = InDivision(db.ExtremePovertyCases, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var idNumber = text.ToUpperInvariant();
            query = query.Where(c => c.Person!.Name.Contains(text) || c.Person.IdNumber == idNumber);
        }

        if (filter.ActiveOnly || filter.WillingButNotCentralised)
        {
            query = query.Where(c => c.EndedOn == null);
        }

        if (filter.WillingButNotCentralised)
        {
            query = query.Where(c => c.WillingCentralised && c.Mode != SupportMode.Centralised);
        }

        return filter.Mode is { } mode ? query.Where(c => c.Mode == mode) : query;
    }

    private static readonly Expression<Func<ExtremePovertyCase, ExtremePovertyRow>> ToRow = c => new ExtremePovertyRow(
        c.Id, c.Person!.Name, c.Person.IdNumber, c.DivisionCode, c.Mode, c.FacilityName, c.SelfCare, c.WillingCentralised, c.MonthlyAmount, c.StartedOn, c.EndedOn);

    private IReadOnlyList<ExtremePovertyRow> Mask(IReadOnlyList<ExtremePovertyRow> rows) =>
        currentUser.User.CanSeeFullIdNumbers ? rows : rows.Select(r => r with { IdNumber = ResidentId.Mask(r.IdNumber) }).ToList();
}
