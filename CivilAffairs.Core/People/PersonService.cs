using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.People;

public sealed record PersonFilter(string? Text = null, string? DivisionCode = null, bool? Deceased = null);

/// <summary>A person as lists and exports show it; the ID number is already masked where the role requires.</summary>
public sealed record PersonRow(
    int Id, string Name, string IdNumber, Gender Gender, DateOnly BirthDate, string DivisionCode,
    string? Ethnicity, string? Phone, DateOnly? DateOfDeath)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>The editable fields of a person, bound by the form.</summary>
public sealed class PersonForm
{
    public int Id { get; set; }

    public string IdNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Ethnicity { get; set; }

    public string? Phone { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public DateOnly? DateOfDeath { get; set; }

    /// <summary>The concurrency token as loaded; a save fails if the record changed since.</summary>
    public Guid Version { get; set; }
}

/// <summary>Queries and commands of the person register. Every query is scoped by the context's filter.</summary>
public sealed class PersonService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<PagedResult<PersonRow>> ListAsync(PersonFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var query = Filter(db.People.AsNoTracking(), filter, currentUser.User.CanSeeFullIdNumbers);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sort(query, page).Skip(page.Skip).Take(page.Size).Select(ToRow).ToListAsync(cancellationToken);
        return new PagedResult<PersonRow>(Mask(rows), total);
    }

    /// <summary>Every row matching the filter, streamed for export (no paging, same scope and masking).</summary>
    public async IAsyncEnumerable<PersonRow> ExportAsync(PersonFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var mask = !currentUser.User.CanSeeFullIdNumbers;
        var query = Sort(Filter(db.People.AsNoTracking(), filter, !mask), new PageRequest(0, 1, sortBy, descending)).Select(ToRow);
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return mask ? row with { IdNumber = ResidentId.Mask(row.IdNumber) } : row;
        }
    }

    /// <summary>Persons whose name contains the text, for pickers (ID numbers masked).</summary>
    public async Task<IReadOnlyList<LookupOption>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var t = text?.Trim() ?? string.Empty;
        var rows = await db.People.AsNoTracking().Where(p => p.Name.Contains(t)).OrderBy(p => p.Name).Take(20)
            .Select(p => new { p.Id, p.Name, p.IdNumber, p.DivisionCode }).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new LookupOption(r.Id, $"{r.Name}（{ResidentId.Mask(r.IdNumber)}，{DivisionCatalog.NameOf(r.DivisionCode)}）"));
    }

    public async Task<PersonForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var form = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new PersonForm
        {
            Id = p.Id,
            IdNumber = p.IdNumber,
            Name = p.Name,
            Ethnicity = p.Ethnicity,
            Phone = p.Phone,
            DivisionCode = p.DivisionCode,
            DateOfDeath = p.DateOfDeath,
            Version = p.Version,
        }).FirstOrDefaultAsync(cancellationToken);
        if (form is not null && !currentUser.User.CanSeeFullIdNumbers)
        {
            form.IdNumber = ResidentId.Mask(form.IdNumber);
        }

        return form;
    }

    /// <summary>Registers a person; returns the new id. Throws <see cref="DomainException"/> with a Chinese message.</summary>
    public async Task<int> CreateAsync(PersonForm form, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var id = ResidentId.Parse(form.IdNumber, today);
        await using var db = factory.CreateDbContext();
        await EnsureDivisionAsync(db, form.DivisionCode, cancellationToken);
        if (await db.People.IgnoreQueryFilters().AnyAsync(p => p.IdNumber == id.Value, cancellationToken))
        {
            throw new DomainException($"身份证号码 {id.Masked} 已在人员库中登记，不能重复登记。");
        }

        var person = new Person(id, form.Name, form.DivisionCode);
        Apply(person, form, today);
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }

    public async Task UpdateAsync(PersonForm form, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        await using var db = factory.CreateDbContext();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == form.Id, cancellationToken)
            ?? throw new DomainException("该人员不存在，或不在您的管辖范围内。");
        db.Entry(person).Property(p => p.Version).OriginalValue = form.Version;

        // A masked number coming back from the form means "unchanged".
        if (form.IdNumber != ResidentId.Mask(person.IdNumber) && form.IdNumber.Trim().ToUpperInvariant() != person.IdNumber)
        {
            var id = ResidentId.Parse(form.IdNumber, today);
            if (await db.People.IgnoreQueryFilters().AnyAsync(p => p.IdNumber == id.Value && p.Id != person.Id, cancellationToken))
            {
                throw new DomainException($"身份证号码 {id.Masked} 已在人员库中登记，不能重复登记。");
            }

            person.SetResidentId(id);
        }

        await EnsureDivisionAsync(db, form.DivisionCode, cancellationToken);
        person.Rename(form.Name);
        person.MoveTo(form.DivisionCode);
        Apply(person, form, today);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new DomainException("该人员不存在，或不在您的管辖范围内。");
        db.Entry(person).Property(p => p.Version).OriginalValue = version;
        db.People.Remove(person);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException("该人员仍被其他业务记录引用，不能删除。", ex);
        }
    }

    private static void Apply(Person person, PersonForm form, DateOnly today)
    {
        person.Ethnicity = Clean(form.Ethnicity, Person.EthnicityMaxLength, "民族");
        person.Phone = Clean(form.Phone, Person.PhoneMaxLength, "联系电话");
        if (form.DateOfDeath is { } death)
        {
            person.RecordDeath(death, today);
        }
        else
        {
            person.ClearDeath();
        }
    }

    private static string? Clean(string? value, int max, string label)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= max ? trimmed : throw new DomainException($"{label}不能超过 {max} 个字符。");
    }

    private static async Task EnsureDivisionAsync(CivilAffairsDbContext db, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || !await db.Divisions.AnyAsync(d => d.Code == code, cancellationToken))
        {
            throw new DomainException("请选择有效的行政区划。");
        }

        if (!db.CurrentUser.Scope.Contains(code))
        {
            throw new AccessDeniedException($"所选行政区划不在您的管辖范围（{db.CurrentUser.Scope.Name}）内。");
        }
    }

    /// <param name="byIdPrefix">Roles that see full numbers may search by their start; others only by the whole number, so search cannot reveal a masked number digit by digit.</param>
    private static IQueryable<Person> Filter(IQueryable<Person> query, PersonFilter filter, bool byIdPrefix)
    {
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var id = text.ToUpperInvariant();
            query = byIdPrefix
                ? query.Where(p => p.Name.Contains(text) || p.IdNumber.StartsWith(id))
                : query.Where(p => p.Name.Contains(text) || p.IdNumber == id);
        }

        if (!string.IsNullOrWhiteSpace(filter.DivisionCode) && DivisionCatalog.Find(filter.DivisionCode) is not null)
        {
            var prefix = DivisionScope.For(filter.DivisionCode).Prefix;
            query = query.Where(p => p.DivisionCode.StartsWith(prefix));
        }

        if (filter.Deceased is { } deceased)
        {
            query = deceased ? query.Where(p => p.DateOfDeath != null) : query.Where(p => p.DateOfDeath == null);
        }

        return query;
    }

    private static IQueryable<Person> Sort(IQueryable<Person> query, PageRequest page) => (page.SortBy, page.Descending) switch
    {
        (nameof(PersonRow.Name), false) => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
        (nameof(PersonRow.Name), true) => query.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        (nameof(PersonRow.BirthDate), false) => query.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
        (nameof(PersonRow.BirthDate), true) => query.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Id),
        (nameof(PersonRow.DivisionCode) or nameof(PersonRow.DivisionName), false) => query.OrderBy(p => p.DivisionCode).ThenBy(p => p.Id),
        (nameof(PersonRow.DivisionCode) or nameof(PersonRow.DivisionName), true) => query.OrderByDescending(p => p.DivisionCode).ThenBy(p => p.Id),
        _ => query.OrderByDescending(p => p.Id),
    };

    private static readonly System.Linq.Expressions.Expression<Func<Person, PersonRow>> ToRow = p =>
        new PersonRow(p.Id, p.Name, p.IdNumber, p.Gender, p.BirthDate, p.DivisionCode, p.Ethnicity, p.Phone, p.DateOfDeath);

    private List<PersonRow> Mask(List<PersonRow> rows) =>
        currentUser.User.CanSeeFullIdNumbers ? rows : rows.ConvertAll(r => r with { IdNumber = ResidentId.Mask(r.IdNumber) });
}
