using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Core.SocialAffairs;

public sealed record DeathCaseRow(
    int Id, string PersonName, string IdNumber, string DivisionCode, DateOnly DateOfDeath, string Applicant, DateOnly AppliedOn,
    AfterDeathItems Items, AfterDeathItems CompletedItems, DateOnly? CompletedOn, int? ProcessingDays)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public string Progress => $"{AfterDeathItemNames.CountOf(CompletedItems)}/{AfterDeathItemNames.CountOf(Items)}";
}

public sealed class DeathCaseForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int PersonId { get; set; }
    public string PersonName { get; set; } = string.Empty;
    public DateOnly DateOfDeath { get; set; }
    public string Applicant { get; set; } = string.Empty;
    public DateOnly AppliedOn { get; set; }
    public AfterDeathItems Items { get; set; }
    public AfterDeathItems CompletedItems { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public int? ProcessingDays { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// 身后一件事 cases. Saving a case records the death on the person in the same save (so the next
/// allowance batches skip the person); deleting it clears that death again. Filter Kind: "Open" or "Completed".
/// </summary>
public sealed class AfterDeathService(
    IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock, IOptions<SocialAffairsOptions> options,
    IEnumerable<IPaymentsAfterDeathSource> sources)
    : RecordService<DeathCase>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<DeathCase, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<DeathCase, object?>>>
        {
            [nameof(DeathCaseRow.AppliedOn)] = c => c.AppliedOn,
            [nameof(DeathCaseRow.DateOfDeath)] = c => c.DateOfDeath,
            [nameof(DeathCaseRow.PersonName)] = c => c.Person!.Name,
            [nameof(DeathCaseRow.CompletedOn)] = c => c.CompletedOn,
            [nameof(DeathCaseRow.ProcessingDays)] = c => c.ProcessingDays,
            [nameof(DeathCaseRow.DivisionName)] = c => c.DivisionCode,
        };

    public async Task<PagedResult<DeathCaseRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);
        return currentUser.User.CanSeeFullIdNumbers ? result : result with { Items = [.. result.Items.Select(r => r with { IdNumber = ResidentId.Mask(r.IdNumber) })] };
    }

    public async IAsyncEnumerable<DeathCaseRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var full = currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken))
        {
            yield return full ? row : row with { IdNumber = ResidentId.Mask(row.IdNumber) };
        }
    }

    public async Task<DeathCaseForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.DeathCases.AsNoTracking().Where(c => c.Id == id).Select(c => new DeathCaseForm
        {
            Id = c.Id, Version = c.Version, PersonId = c.PersonId, PersonName = c.Person!.Name, DateOfDeath = c.DateOfDeath, Applicant = c.Applicant,
            AppliedOn = c.AppliedOn, Items = c.Items, CompletedItems = c.CompletedItems, CompletedOn = c.CompletedOn, ProcessingDays = c.ProcessingDays, Note = c.Note,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves the case and, in the same save, records the death on the person.</summary>
    public Task<int> SaveAsync(DeathCaseForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new DeathCase { BaselineDays = options.Value.AfterDeathBaselineDays }, async (db, c) =>
        {
            var today = clock.Today();
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == form.PersonId, cancellationToken)
                ?? throw new DomainException("请选择逝者（须为您管辖范围内的登记人员）。");
            if (c.PersonId != person.Id && await db.DeathCases.AnyAsync(x => x.PersonId == person.Id && x.Id != form.Id, cancellationToken))
            {
                throw new DomainException($"{person.Name} 已有身后一件事办理记录。");
            }

            // A case moved to another person (recorded for the wrong one): the first person's death goes with it.
            if (c.PersonId != 0 && c.PersonId != person.Id
                && await db.People.FirstOrDefaultAsync(p => p.Id == c.PersonId, cancellationToken) is { } previous && previous.DateOfDeath == c.DateOfDeath)
            {
                previous.ClearDeath();
            }

            (c.PersonId, c.DivisionCode, c.DateOfDeath, c.Applicant, c.AppliedOn) = (person.Id, person.DivisionCode, form.DateOfDeath, (form.Applicant ?? string.Empty).Trim(), form.AppliedOn);
            (c.Items, c.CompletedItems, c.CompletedOn, c.Note) = (form.Items, form.CompletedItems, form.CompletedOn, string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim());
            c.Validate(person.BirthDate, today, await OfficialCalendarService.SnapshotAsync(db, cancellationToken));
            if (person.DateOfDeath != c.DateOfDeath)
            {
                person.RecordDeath(c.DateOfDeath, today);
            }
        }, cancellationToken);

    /// <summary>Deletes a case recorded in error and clears the death it recorded.</summary>
    public async Task DeleteCaseAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var c = await db.DeathCases.Include(x => x.Person).FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new DomainException(NotFoundMessage);
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        if (c.Person is { } person && person.DateOfDeath == c.DateOfDeath)
        {
            person.ClearDeath();
        }

        db.Remove(c);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// 应追回发放: payments of every programme for months after the death (the union of all registered
    /// sources), in scope, and only of the lines the user may read (a 低保 or disability payment tells
    /// more about a person than the death itself).
    /// </summary>
    public async Task<IReadOnlyList<PaymentAfterDeath>> RecoveryAsync(int? personId = null, string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var all = new List<PaymentAfterDeath>();
        foreach (var source in sources.Where(s => currentUser.User.CanRead(s.Line)))
        {
            all.AddRange(await source.FindAsync(db, personId, cancellationToken));
        }

        var prefix = !string.IsNullOrWhiteSpace(divisionCode) && DivisionCatalog.Find(divisionCode) is not null ? DivisionScope.For(divisionCode).Prefix : string.Empty;
        return [.. all.Where(p => p.DivisionCode.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(p => p.DivisionCode).ThenBy(p => p.PersonName).ThenBy(p => p.Program).ThenBy(p => p.Period)];
    }

    private static IQueryable<DeathCase> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.DeathCases, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(c => c.Person!.Name.Contains(text) || c.Person.IdNumber == text || c.Applicant.Contains(text));
        }

        query = filter.Kind switch
        {
            "Open" => query.Where(c => c.CompletedOn == null),
            "Completed" => query.Where(c => c.CompletedOn != null),
            _ => query,
        };
        if (filter.From is { } from)
        {
            query = query.Where(c => c.AppliedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.AppliedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<DeathCase, DeathCaseRow>> ToRow = c => new DeathCaseRow(
        c.Id, c.Person!.Name, c.Person.IdNumber, c.DivisionCode, c.DateOfDeath, c.Applicant, c.AppliedOn, c.Items, c.CompletedItems, c.CompletedOn, c.ProcessingDays);
}
