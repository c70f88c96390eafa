using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

public sealed record TemporaryRow(
    int Id, string RecipientName, string? IdNumber, bool PassingThrough, string? Origin, DifficultyType Difficulty, string TierName,
    decimal Amount, AssistanceForm Form, DateOnly GivenOn, string? PointName, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class TemporaryForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }

    /// <summary>The registered resident; null (or 0) for a person passing through.</summary>
    public int? PersonId { get; set; }
    public string RecipientName { get; set; } = string.Empty;
    public string? IdNumber { get; set; }
    public string? Origin { get; set; }
    public DifficultyType Difficulty { get; set; } = DifficultyType.Emergency;
    public int TierId { get; set; }
    public decimal Amount { get; set; }
    public AssistanceForm Form { get; set; } = AssistanceForm.Cash;
    public string? InKindDescription { get; set; }
    public DateOnly GivenOn { get; set; }
    public int? AssistancePointId { get; set; }
    public string DivisionCode { get; set; } = string.Empty;
}

/// <summary>临时救助 records. Filter <see cref="SupportFilter.Kind"/>: a <see cref="DifficultyType"/> name, or "PassingThrough".</summary>
public sealed class TemporaryAssistanceService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
    : RecordService<TemporaryAssistance>(factory)
{
    public const string PassingThroughKind = "PassingThrough";

    protected override IReadOnlyDictionary<string, Expression<Func<TemporaryAssistance, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<TemporaryAssistance, object?>>>
        {
            [nameof(TemporaryRow.GivenOn)] = a => a.GivenOn,
            [nameof(TemporaryRow.RecipientName)] = a => a.RecipientName,
            [nameof(TemporaryRow.Amount)] = a => a.Amount,
            [nameof(TemporaryRow.DivisionName)] = a => a.DivisionCode,
            [nameof(TemporaryRow.PointName)] = a => a.AssistancePoint!.Name,
        };

    public async Task<PagedResult<TemporaryRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);
        return currentUser.User.CanSeeFullIdNumbers ? result : result with { Items = [.. result.Items.Select(Mask)] };
    }

    public async IAsyncEnumerable<TemporaryRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var full = currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken))
        {
            yield return full ? row : Mask(row);
        }
    }

    public async Task<TemporaryForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var form = await db.TemporaryAssistances.AsNoTracking().Where(a => a.Id == id).Select(a => new TemporaryForm
        {
            Id = a.Id, Version = a.Version, PersonId = a.PersonId, RecipientName = a.RecipientName, IdNumber = a.IdNumber, Origin = a.Origin,
            Difficulty = a.Difficulty, TierId = a.TierId, Amount = a.Amount, Form = a.Form, InKindDescription = a.InKindDescription,
            GivenOn = a.GivenOn, AssistancePointId = a.AssistancePointId, DivisionCode = a.DivisionCode,
        }).FirstOrDefaultAsync(cancellationToken);
        if (form is not null && !currentUser.User.CanSeeFullIdNumbers && form.IdNumber is not null)
        {
            form.IdNumber = ResidentId.Mask(form.IdNumber);
        }

        return form;
    }

    public Task<int> SaveAsync(TemporaryForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new TemporaryAssistance(), async (db, a) =>
        {
            var today = clock.Today();
            RequireDivision(db, form.DivisionCode);
            if (form.GivenOn == default || form.GivenOn > today)
            {
                throw new DomainException("请填写救助日期（不晚于今天）。");
            }

            if (form.PersonId is > 0)
            {
                var person = await db.People.Where(p => p.Id == form.PersonId).Select(p => new { p.Id, p.Name, p.IdNumber }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException("请选择受助的登记人员（须在您的管辖范围内）。");
                (a.PersonId, a.RecipientName, a.IdNumber, a.Origin) = (person.Id, person.Name, person.IdNumber, null);
            }
            else
            {
                // A person passing through: no household here; the ID number is optional but must be valid when given.
                string? idNumber = null;
                if (!string.IsNullOrWhiteSpace(form.IdNumber))
                {
                    idNumber = ResidentId.Parse(form.IdNumber, today).Value;
                }

                if (string.IsNullOrWhiteSpace(form.Origin))
                {
                    throw new DomainException("过往人员须填写来源地（籍贯或户籍所在地）。");
                }

                (a.PersonId, a.RecipientName, a.IdNumber, a.Origin) = (null, (form.RecipientName ?? string.Empty).Trim(), idNumber, form.Origin.Trim());
            }

            var tier = await db.AssistanceTiers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == form.TierId, cancellationToken)
                ?? throw new DomainException("请选择救助档次。");
            if (form.AssistancePointId is > 0 && !await db.AssistancePoints.AnyAsync(p => p.Id == form.AssistancePointId, cancellationToken))
            {
                throw new DomainException("所选救助点不存在，或不在您的管辖范围内。");
            }

            (a.Difficulty, a.TierId, a.Amount, a.Form, a.GivenOn, a.DivisionCode) = (form.Difficulty, tier.Id, form.Amount, form.Form, form.GivenOn, form.DivisionCode);
            a.InKindDescription = form.Form == AssistanceForm.InKind ? form.InKindDescription?.Trim() : null;
            a.AssistancePointId = form.AssistancePointId is > 0 ? form.AssistancePointId : null;
            a.Validate(tier);
        }, cancellationToken);

    private static IQueryable<TemporaryAssistance> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.TemporaryAssistances, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => a.RecipientName.Contains(text) || a.IdNumber == text || (a.Origin != null && a.Origin.Contains(text)));
        }

        if (filter.Kind == PassingThroughKind)
        {
            query = query.Where(a => a.PersonId == null);
        }
        else if (filter.KindAs<DifficultyType>() is { } type)
        {
            query = query.Where(a => a.Difficulty == type);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.GivenOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.GivenOn <= to);
        }

        return query;
    }

    private static TemporaryRow Mask(TemporaryRow row) => row.IdNumber is null ? row : row with { IdNumber = ResidentId.Mask(row.IdNumber) };

    private static readonly Expression<Func<TemporaryAssistance, TemporaryRow>> ToRow = a => new TemporaryRow(
        a.Id, a.RecipientName, a.IdNumber, a.PersonId == null, a.Origin, a.Difficulty, a.Tier!.Name, a.Amount, a.Form, a.GivenOn,
        a.AssistancePoint != null ? a.AssistancePoint.Name : null, a.DivisionCode);
}
