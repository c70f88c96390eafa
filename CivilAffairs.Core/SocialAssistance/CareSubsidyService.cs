using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

public sealed record FamilyRow(int Id, string HeadName, string DependantName, string DivisionCode, DateOnly StartOn, DateOnly? EndOn, string? Note)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class FamilyForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int HeadPersonId { get; set; }
    public string HeadName { get; set; } = string.Empty;
    public int DependantPersonId { get; set; }
    public string DependantName { get; set; } = string.Empty;
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>安心助养 families; a family belongs to its head's division. Filter Kind: "Active" (supported today) or "Ended".</summary>
public sealed class CareSubsidyFamilyService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<CareSubsidyFamily>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<CareSubsidyFamily, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<CareSubsidyFamily, object?>>>
        {
            [nameof(FamilyRow.HeadName)] = f => f.Head!.Name,
            [nameof(FamilyRow.StartOn)] = f => f.StartOn,
            [nameof(FamilyRow.DivisionName)] = f => f.DivisionCode,
        };

    public Task<PagedResult<FamilyRow>> ListAsync(SupportFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<FamilyRow> ExportAsync(SupportFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<FamilyForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.CareSubsidyFamilies.AsNoTracking().Where(f => f.Id == id).Select(f => new FamilyForm
        {
            Id = f.Id, Version = f.Version, HeadPersonId = f.HeadPersonId, HeadName = f.Head!.Name, DependantPersonId = f.DependantPersonId,
            DependantName = f.Dependant!.Name, StartOn = f.StartOn, EndOn = f.EndOn, Note = f.Note,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(FamilyForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new CareSubsidyFamily(), async (db, f) =>
        {
            var head = await db.People.Where(p => p.Id == form.HeadPersonId).Select(p => new { p.Id, p.DivisionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择户主（须在您的管辖范围内）。");
            if (!await db.People.AnyAsync(p => p.Id == form.DependantPersonId, cancellationToken))
            {
                throw new DomainException("请选择需照护的家庭成员（须在您的管辖范围内）。");
            }

            if (form.StartOn == default || form.StartOn > clock.Today().AddMonths(1))
            {
                throw new DomainException("请填写起始日期。");
            }

            if (await db.CareSubsidyFamilies.AnyAsync(x => x.Id != form.Id && x.DependantPersonId == form.DependantPersonId && (x.EndOn == null || x.EndOn >= form.StartOn), cancellationToken))
            {
                throw new DomainException("该成员已在其他安心助养家庭中享受补贴。");
            }

            (f.HeadPersonId, f.DependantPersonId, f.DivisionCode, f.StartOn, f.EndOn, f.Note) =
                (head.Id, form.DependantPersonId, head.DivisionCode, form.StartOn, form.EndOn, form.Note?.Trim());
            f.Validate();
        }, cancellationToken);

    private IQueryable<CareSubsidyFamily> Filter(CivilAffairsDbContext db, SupportFilter filter)
    {
        var query = InDivision(db.CareSubsidyFamilies, filter.DivisionCode);
        var today = clock.Today();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(f => f.Head!.Name.Contains(text) || f.Dependant!.Name.Contains(text));
        }

        query = filter.Kind switch
        {
            "Active" => query.Where(f => f.StartOn <= today && (f.EndOn == null || f.EndOn >= today)),
            "Ended" => query.Where(f => f.EndOn != null && f.EndOn < today),
            _ => query,
        };
        if (filter.From is { } from)
        {
            query = query.Where(f => f.StartOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(f => f.StartOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<CareSubsidyFamily, FamilyRow>> ToRow = f => new FamilyRow(
        f.Id, f.Head!.Name, f.Dependant!.Name, f.DivisionCode, f.StartOn, f.EndOn, f.Note);
}

public sealed record SubsidyLine(int FamilyId, string HeadName, string DivisionCode, decimal Amount)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>What a 安心助养 batch would create; <see cref="Standard"/> is null when no standard applies to the year.</summary>
public sealed record SubsidyPreview(Period Period, decimal? Standard, IReadOnlyList<SubsidyLine> Lines, int AlreadyPaid)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

public sealed record SubsidyPaymentRow(int Id, Guid Version, int FamilyId, string HeadName, string DivisionCode, int Period, decimal Amount, SubsidyPaymentStatus Status, DateOnly? SettledOn, string? Note)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>
/// 安心助养 monthly batch: one payment of the year's standard ÷ 12 per family supported in the month,
/// created pending; running a month again creates nothing new; payments are then marked paid or returned.
/// </summary>
public sealed class CareSubsidyBatchService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<SubsidyPreview> PreviewAsync(Period period, string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await BuildAsync(db, period, divisionCode, cancellationToken);
    }

    public async Task<int> CommitAsync(Period period, string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        RequireEditor();
        if (period > Period.Of(clock.Today()).AddMonths(1))
        {
            throw new DomainException("不能为下月之后的月份生成发放批次。");
        }

        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var preview = await BuildAsync(db, period, divisionCode, cancellationToken);
        if (preview.Lines.Count == 0)
        {
            await PaymentBatches.RefuseRepeatAsync(db, db.CareSubsidyPayments.Where(p => p.Period == period.Key && (divisionCode == null || p.DivisionCode.StartsWith(divisionCode))), period, cancellationToken);
        }

        if (preview.Standard is null)
        {
            throw new DomainException($"{period.Year}年没有安心助养补贴标准，请先由管理员设置标准。");
        }

        db.CareSubsidyPayments.AddRange(preview.Lines.Select(l => new CareSubsidyPayment
        {
            FamilyId = l.FamilyId, DivisionCode = l.DivisionCode, Period = period.Key, Amount = l.Amount, Status = SubsidyPaymentStatus.Pending,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"部分家庭{period.ChineseName}已生成发放记录，批次未生成。请刷新后重试。", ex);
        }

        await transaction.CommitAsync(cancellationToken);
        return preview.Lines.Count;
    }

    public async Task<PagedResult<SubsidyPaymentRow>> PaymentsAsync(Period period, string? divisionCode, SubsidyPaymentStatus? status, string? text, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var query = Payments(db, period, divisionCode, status, text);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new PagedResult<SubsidyPaymentRow>(rows, total);
    }

    public async IAsyncEnumerable<SubsidyPaymentRow> ExportAsync(Period period, string? divisionCode, SubsidyPaymentStatus? status, string? text,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await foreach (var row in Payments(db, period, divisionCode, status, text).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Marks payments paid or returned; returning a paid one needs a reason.</summary>
    public async Task<int> SettleAsync(IReadOnlyCollection<int> paymentIds, SubsidyPaymentStatus status, string? note = null, CancellationToken cancellationToken = default)
    {
        RequireEditor();
        if (status == SubsidyPaymentStatus.Pending)
        {
            throw new DomainException("只能标记为已发放或已退回。");
        }

        await using var db = factory.CreateDbContext();
        var payments = await db.CareSubsidyPayments.Where(p => paymentIds.Contains(p.Id)).ToListAsync(cancellationToken);
        if (payments.Count != paymentIds.Count)
        {
            throw new DomainException("部分发放记录不存在，或不在您的管辖范围内。");
        }

        var today = clock.Today();
        foreach (var payment in payments.Where(p => p.Status != status))
        {
            if (payment.Status == SubsidyPaymentStatus.Paid && status == SubsidyPaymentStatus.Returned && string.IsNullOrWhiteSpace(note))
            {
                throw new DomainException("已发放的款项退回时须填写原因。");
            }

            (payment.Status, payment.SettledOn) = (status, today);
            payment.Note = string.IsNullOrWhiteSpace(note) ? payment.Note : note.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        return payments.Count;
    }

    /// <summary>The standard of a year: the latest one effective in or before it.</summary>
    public static async Task<CareSubsidyStandard?> StandardForAsync(CivilAffairsDbContext db, int year, CancellationToken cancellationToken = default) =>
        await db.CareSubsidyStandards.AsNoTracking().Where(s => s.EffectiveYear <= year).OrderByDescending(s => s.EffectiveYear).FirstOrDefaultAsync(cancellationToken);

    private static async Task<SubsidyPreview> BuildAsync(CivilAffairsDbContext db, Period period, string? divisionCode, CancellationToken cancellationToken)
    {
        var (start, end, key) = (period.Start, period.End, period.Key);
        // Death rule (People.PaymentsAfterDeath): nothing for months after the dependant's death.
        var families = db.CareSubsidyFamilies.AsNoTracking().Where(f => f.StartOn <= end && (f.EndOn == null || f.EndOn >= start)
            && (f.Dependant!.DateOfDeath == null || f.Dependant.DateOfDeath >= start));
        if (!string.IsNullOrWhiteSpace(divisionCode) && DivisionCatalog.Find(divisionCode) is not null)
        {
            var prefix = DivisionScope.For(divisionCode).Prefix;
            families = families.Where(f => f.DivisionCode.StartsWith(prefix));
        }

        var paid = db.CareSubsidyPayments.Where(p => p.Period == key);
        var alreadyPaid = await families.CountAsync(f => paid.Any(p => p.FamilyId == f.Id), cancellationToken);
        var standard = await StandardForAsync(db, period.Year, cancellationToken);
        var candidates = await families.Where(f => !paid.Any(p => p.FamilyId == f.Id)).OrderBy(f => f.DivisionCode).ThenBy(f => f.Id)
            .Select(f => new { f.Id, HeadName = f.Head!.Name, f.DivisionCode }).ToListAsync(cancellationToken);
        var amount = standard?.MonthlyAmount ?? 0m;
        return new SubsidyPreview(period, standard?.YearlyAmount, [.. candidates.Select(c => new SubsidyLine(c.Id, c.HeadName, c.DivisionCode, amount))], alreadyPaid);
    }

    private static IQueryable<SubsidyPaymentRow> Payments(CivilAffairsDbContext db, Period period, string? divisionCode, SubsidyPaymentStatus? status, string? text)
    {
        var key = period.Key;
        var payments = db.CareSubsidyPayments.AsNoTracking().Where(p => p.Period == key);
        if (!string.IsNullOrWhiteSpace(divisionCode) && DivisionCatalog.Find(divisionCode) is not null)
        {
            var prefix = DivisionScope.For(divisionCode).Prefix;
            payments = payments.Where(p => p.DivisionCode.StartsWith(prefix));
        }

        if (status is { } s)
        {
            payments = payments.Where(p => p.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            payments = payments.Where(p => p.Family!.Head!.Name.Contains(t));
        }

        return payments.OrderBy(p => p.DivisionCode).ThenBy(p => p.FamilyId)
            .Select(p => new SubsidyPaymentRow(p.Id, p.Version, p.FamilyId, p.Family!.Head!.Name, p.DivisionCode, p.Period, p.Amount, p.Status, p.SettledOn, p.Note));
    }

    private void RequireEditor()
    {
        if (!currentUser.User.CanEdit(ServiceLine.SocialAssistance))
        {
            throw new AccessDeniedException("您没有办理安心助养补贴的权限。");
        }
    }
}
