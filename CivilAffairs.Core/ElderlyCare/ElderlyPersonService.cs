using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.ElderlyCare;

public sealed record ElderlyFilter(string? Text = null, string? DivisionCode = null, CareMode? CareMode = null, string? Flag = null);

public sealed record ElderlyRow(
    int Id, int PersonId, string Name, string IdNumber, Gender Gender, DateOnly BirthDate, string DivisionCode,
    bool EmptyNest, bool LivingAlone, bool Disabled, bool SeverelyDisabled, bool ExtremelyPoor, CareMode CareMode, string? FacilityName, DateOnly? DateOfDeath)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public string Flags => string.Join("、", new[] { (EmptyNest, "空巢"), (LivingAlone, "独居"), (Disabled, "失能"), (SeverelyDisabled, "重残"), (ExtremelyPoor, "特困") }.Where(f => f.Item1).Select(f => f.Item2));
}

/// <summary>Enrolment form: the person's register data (for a new enrolment) and the elderly-care circumstances.</summary>
public sealed class ElderlyForm
{
    public int Id { get; set; }

    public Guid Version { get; set; }

    public int PersonId { get; set; }

    public string IdNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Ethnicity { get; set; }

    public string? Phone { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public bool EmptyNest { get; set; }

    public bool LivingAlone { get; set; }

    public bool Disabled { get; set; }

    public bool SeverelyDisabled { get; set; }

    public bool ExtremelyPoor { get; set; }

    public CareMode CareMode { get; set; } = CareMode.Home;

    public int? FacilityId { get; set; }
}

/// <summary>老年人 enrolments. A new enrolment reuses the person register entry for the ID number, or creates it.</summary>
public sealed class ElderlyPersonService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
    : RecordService<ElderlyPerson>(factory)
{
    protected override string NotFoundMessage => "该老年人不存在，或不在您的管辖范围内。";

    protected override IReadOnlyDictionary<string, Expression<Func<ElderlyPerson, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<ElderlyPerson, object?>>>
        {
            [nameof(ElderlyRow.Name)] = e => e.Person!.Name,
            [nameof(ElderlyRow.BirthDate)] = e => e.Person!.BirthDate,
            [nameof(ElderlyRow.DivisionName)] = e => e.DivisionCode,
            [nameof(ElderlyRow.CareMode)] = e => e.CareMode,
        };

    public async Task<PagedResult<ElderlyRow>> ListAsync(ElderlyFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);
        return result with { Items = Mask(result.Items) };
    }

    public async IAsyncEnumerable<ElderlyRow> ExportAsync(ElderlyFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mask = !currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken))
        {
            yield return mask ? row with { IdNumber = ResidentId.Mask(row.IdNumber) } : row;
        }
    }

    /// <summary>Enrolled persons whose name contains the text, for pickers (ID numbers masked).</summary>
    public async Task<IReadOnlyList<LookupOption>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var t = text?.Trim() ?? string.Empty;
        var rows = await db.ElderlyPersons.AsNoTracking().Where(e => e.Person!.Name.Contains(t)).OrderBy(e => e.Person!.Name).Take(20)
            .Select(e => new { e.Id, e.Person!.Name, e.Person.IdNumber, e.DivisionCode }).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new LookupOption(r.Id, $"{r.Name}（{ResidentId.Mask(r.IdNumber)}，{DivisionCatalog.NameOf(r.DivisionCode)}）"));
    }

    public async Task<ElderlyForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var form = await db.ElderlyPersons.AsNoTracking().Where(e => e.Id == id).Select(e => new ElderlyForm
        {
            Id = e.Id, Version = e.Version, PersonId = e.PersonId, IdNumber = e.Person!.IdNumber, Name = e.Person.Name, Ethnicity = e.Person.Ethnicity,
            Phone = e.Person.Phone, DivisionCode = e.DivisionCode, EmptyNest = e.EmptyNest, LivingAlone = e.LivingAlone, Disabled = e.Disabled,
            SeverelyDisabled = e.SeverelyDisabled, ExtremelyPoor = e.ExtremelyPoor, CareMode = e.CareMode, FacilityId = e.FacilityId,
        }).FirstOrDefaultAsync(cancellationToken);
        if (form is not null && !currentUser.User.CanSeeFullIdNumbers)
        {
            form.IdNumber = ResidentId.Mask(form.IdNumber);
        }

        return form;
    }

    public Task<int> SaveAsync(ElderlyForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new ElderlyPerson(), async (db, e) =>
        {
            if (form.Id == 0)
            {
                var person = await FindOrCreatePersonAsync(db, form, cancellationToken);
                if (person.Id != 0 && await db.ElderlyPersons.IgnoreQueryFilters().AnyAsync(x => x.PersonId == person.Id, cancellationToken))
                {
                    throw new DomainException("该人员已登记为老年人，不能重复登记。");
                }

                e.Person = person;
                e.DivisionCode = person.DivisionCode;
            }

            if (form.FacilityId is { } facilityId && !await db.CareFacilities.AnyAsync(f => f.Id == facilityId, cancellationToken))
            {
                throw new DomainException("所选养老机构不存在，或不在您的管辖范围内。");
            }

            (e.EmptyNest, e.LivingAlone, e.Disabled, e.SeverelyDisabled, e.ExtremelyPoor) = (form.EmptyNest, form.LivingAlone, form.Disabled, form.SeverelyDisabled, form.ExtremelyPoor);
            (e.CareMode, e.FacilityId) = (form.CareMode, form.FacilityId);
            e.Validate();
        }, cancellationToken);

    private async Task<Person> FindOrCreatePersonAsync(CivilAffairsDbContext db, ElderlyForm form, CancellationToken cancellationToken)
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
        var person = new Person(id, form.Name, form.DivisionCode) { Ethnicity = form.Ethnicity?.Trim(), Phone = form.Phone?.Trim() };
        db.People.Add(person);
        return person;
    }

    private static IQueryable<ElderlyPerson> Filter(CivilAffairsDbContext db, ElderlyFilter filter)
    {
        var query = InDivision(db.ElderlyPersons, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var idNumber = text.ToUpperInvariant();
            query = query.Where(e => e.Person!.Name.Contains(text) || e.Person.IdNumber == idNumber);
        }

        if (filter.CareMode is { } mode)
        {
            query = query.Where(e => e.CareMode == mode);
        }

        return filter.Flag switch
        {
            "EmptyNest" => query.Where(e => e.EmptyNest),
            "LivingAlone" => query.Where(e => e.LivingAlone),
            "Disabled" => query.Where(e => e.Disabled),
            "SeverelyDisabled" => query.Where(e => e.SeverelyDisabled),
            "ExtremelyPoor" => query.Where(e => e.ExtremelyPoor),
            _ => query,
        };
    }

    private static readonly Expression<Func<ElderlyPerson, ElderlyRow>> ToRow = e => new ElderlyRow(
        e.Id, e.PersonId, e.Person!.Name, e.Person.IdNumber, e.Person.Gender, e.Person.BirthDate, e.DivisionCode,
        e.EmptyNest, e.LivingAlone, e.Disabled, e.SeverelyDisabled, e.ExtremelyPoor, e.CareMode, e.Facility != null ? e.Facility.Name : null, e.Person.DateOfDeath);

    private IReadOnlyList<ElderlyRow> Mask(IReadOnlyList<ElderlyRow> rows) =>
        currentUser.User.CanSeeFullIdNumbers ? rows : rows.Select(r => r with { IdNumber = ResidentId.Mask(r.IdNumber) }).ToList();
}
