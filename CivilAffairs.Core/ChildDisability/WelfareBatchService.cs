using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.ChildDisability;

public sealed record WelfareLine(int RecordId, int PersonId, string Name, string IdNumber, WelfareBenefit Benefit, string DivisionCode, decimal Amount)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>What a batch would create: new payments, how many were already paid, how many have no standard for the month, and who is skipped because they died before it.</summary>
public sealed record WelfarePreview(WelfareGroup Group, Period Period, IReadOnlyList<WelfareLine> Lines, int AlreadyPaid, int WithoutStandard, int Deceased)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

public sealed record WelfarePaymentRow(int Id, Guid Version, int PersonId, string Name, string IdNumber, WelfareBenefit Benefit, string DivisionCode, int Period, decimal Amount, PaymentStatus Status, DateOnly? SettledOn, string? Note)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed record WelfareStandardRow(int Id, Guid Version, WelfareBenefit Benefit, decimal MonthlyAmount, int EffectiveFrom);

/// <summary>
/// The monthly batches of 残疾人两项补贴 and 困境儿童基本生活费: one payment per record in force in the
/// month, at the standard of its benefit effective that month; created pending in one transaction,
/// idempotent (a month run again creates nothing new), then marked paid or returned.
/// Death rule: a person who died in month M is paid for M, never for M+1 or later.
/// </summary>
public sealed class WelfareBatchService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<WelfarePreview> PreviewAsync(WelfareGroup group, Period period, string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return Masked(await BuildAsync(db, group, period, divisionCode, cancellationToken));
    }

    public async Task<int> CommitAsync(WelfareGroup group, Period period, string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        RequireEditor(group);
        if (period > Period.Of(clock.Today()).AddMonths(1))
        {
            throw new DomainException("不能为下月之后的月份生成发放批次。");
        }

        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var preview = await BuildAsync(db, group, period, divisionCode, cancellationToken);
        if (preview.Lines.Count == 0)
        {
            await PaymentBatches.RefuseRepeatAsync(db, db.WelfarePayments.Where(p => p.Group == group && p.Period == period.Key && (divisionCode == null || p.DivisionCode.StartsWith(divisionCode))), period, cancellationToken);
        }

        if (preview.WithoutStandard > 0)
        {
            throw new DomainException($"有 {preview.WithoutStandard} 人的补贴项目没有适用于 {period.ChineseName} 的标准，请先由管理员设置标准。");
        }

        db.WelfarePayments.AddRange(preview.Lines.Select(l => new WelfarePayment
        {
            Benefit = l.Benefit, Group = group, PersonId = l.PersonId, RecordId = l.RecordId, DivisionCode = l.DivisionCode, Period = period.Key,
            Amount = l.Amount, Status = PaymentStatus.Pending,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"部分人员{period.ChineseName}已生成发放记录（可能在其他辖区），批次未生成。请刷新后重试。", ex);
        }

        await WelfareTotals.RefreshAsync(db, [period.Key], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return preview.Lines.Count;
    }

    public async Task<PagedResult<WelfarePaymentRow>> PaymentsAsync(WelfareGroup group, Period period, string? divisionCode, PaymentStatus? status, string? text, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var query = Payments(db, group, period, divisionCode, status, text);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new PagedResult<WelfarePaymentRow>(currentUser.User.CanSeeFullIdNumbers ? rows : rows.ConvertAll(Mask), total);
    }

    public async IAsyncEnumerable<WelfarePaymentRow> ExportAsync(WelfareGroup group, Period period, string? divisionCode, PaymentStatus? status, string? text,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var full = currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in Payments(db, group, period, divisionCode, status, text).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return full ? row : Mask(row);
        }
    }

    /// <summary>Marks payments paid or returned; returning a paid one needs a reason.</summary>
    public async Task<int> SettleAsync(WelfareGroup group, IReadOnlyCollection<int> paymentIds, PaymentStatus status, string? note = null, CancellationToken cancellationToken = default)
    {
        RequireEditor(group);
        if (status == PaymentStatus.Pending)
        {
            throw new DomainException("只能标记为已发放或已退回。");
        }

        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payments = await db.WelfarePayments.Where(p => p.Group == group && paymentIds.Contains(p.Id)).ToListAsync(cancellationToken);
        if (payments.Count != paymentIds.Count)
        {
            throw new DomainException("部分发放记录不存在，或不在您的管辖范围内。");
        }

        var today = clock.Today();
        foreach (var payment in payments.Where(p => p.Status != status))
        {
            if (payment.Status == PaymentStatus.Paid && status == PaymentStatus.Returned && string.IsNullOrWhiteSpace(note))
            {
                throw new DomainException("已发放的款项退回时须填写原因。");
            }

            (payment.Status, payment.SettledOn) = (status, today);
            payment.Note = string.IsNullOrWhiteSpace(note) ? payment.Note : note.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        await WelfareTotals.RefreshAsync(db, payments.Select(p => p.Period), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return payments.Count;
    }

    public async Task<IReadOnlyList<WelfareStandardRow>> StandardsAsync(WelfareGroup group, CancellationToken cancellationToken = default)
    {
        var benefits = WelfareBenefits.Of(group);
        await using var db = factory.CreateDbContext();
        return await db.WelfareStandards.AsNoTracking().Where(s => benefits.Contains(s.Benefit)).OrderBy(s => s.Benefit).ThenByDescending(s => s.EffectiveFrom)
            .Select(s => new WelfareStandardRow(s.Id, s.Version, s.Benefit, s.MonthlyAmount, s.EffectiveFrom)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds or changes a standard (administrators only: the data layer refuses anyone else).</summary>
    public async Task SaveStandardAsync(WelfareStandardRow row, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var standard = row.Id == 0 ? new WelfareStandard() : await db.WelfareStandards.FirstOrDefaultAsync(s => s.Id == row.Id, cancellationToken)
            ?? throw new DomainException("该标准不存在。");
        if (row.Id == 0)
        {
            db.WelfareStandards.Add(standard);
        }
        else
        {
            db.Entry(standard).Property(s => s.Version).OriginalValue = row.Version;
        }

        (standard.Benefit, standard.MonthlyAmount, standard.EffectiveFrom) = (row.Benefit, row.MonthlyAmount, row.EffectiveFrom);
        standard.Validate();
        if (await db.WelfareStandards.AnyAsync(s => s.Id != row.Id && s.Benefit == row.Benefit && s.EffectiveFrom == row.EffectiveFrom, cancellationToken))
        {
            throw new DomainException("该补贴项目在同一月份已有标准。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Candidate(int RecordId, int PersonId, string Name, string IdNumber, WelfareBenefit Benefit, string DivisionCode, DateOnly? DateOfDeath);

    private static async Task<WelfarePreview> BuildAsync(CivilAffairsDbContext db, WelfareGroup group, Period period, string? divisionCode, CancellationToken cancellationToken)
    {
        var (start, end, key) = (period.Start, period.End, period.Key);
        var prefix = !string.IsNullOrWhiteSpace(divisionCode) && DivisionCatalog.Find(divisionCode) is not null ? DivisionScope.For(divisionCode).Prefix : null;
        List<Candidate> inForce;
        if (group == WelfareGroup.Disability)
        {
            var records = db.DisabilitySubsidies.AsNoTracking().Where(s => s.StartOn <= end && (s.EndOn == null || s.EndOn >= start));
            if (prefix is not null)
            {
                records = records.Where(s => s.DivisionCode.StartsWith(prefix));
            }

            inForce = (await records.OrderBy(s => s.DivisionCode).ThenBy(s => s.Person!.Name).ThenBy(s => s.Id)
                .Select(s => new { s.Id, s.PersonId, s.Person!.Name, s.Person.IdNumber, s.SubsidyType, s.DivisionCode, s.Person.DateOfDeath })
                .ToListAsync(cancellationToken))
                .ConvertAll(s => new Candidate(s.Id, s.PersonId, s.Name, s.IdNumber, s.SubsidyType.Benefit(), s.DivisionCode, s.DateOfDeath));
        }
        else
        {
            var records = db.ChildrenInCare.AsNoTracking().Where(c => c.StartOn <= end && (c.EndOn == null || c.EndOn >= start));
            if (prefix is not null)
            {
                records = records.Where(c => c.DivisionCode.StartsWith(prefix));
            }

            inForce = (await records.OrderBy(c => c.DivisionCode).ThenBy(c => c.Person!.Name).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.PersonId, c.Person!.Name, c.Person.IdNumber, c.Category, c.DivisionCode, c.Person.DateOfDeath })
                .ToListAsync(cancellationToken))
                .ConvertAll(c => new Candidate(c.Id, c.PersonId, c.Name, c.IdNumber, c.Category.Benefit(), c.DivisionCode, c.DateOfDeath));
        }

        // Already paid this month: per person and benefit for the disability subsidies (a person may
        // have both), per person for children (one allowance a month whatever the category).
        var paid = await db.WelfarePayments.AsNoTracking().Where(p => p.Group == group && p.Period == key)
            .Select(p => new { p.PersonId, p.Benefit }).ToListAsync(cancellationToken);
        var paidKeys = paid.Select(p => (p.PersonId, group == WelfareGroup.Disability ? p.Benefit : 0)).ToHashSet();
        var standards = await db.WelfareStandards.AsNoTracking().Where(s => s.EffectiveFrom <= key).ToListAsync(cancellationToken);

        var lines = new List<WelfareLine>();
        var (alreadyPaid, withoutStandard, deceased) = (0, 0, 0);
        var seen = new HashSet<(int, WelfareBenefit)>();
        foreach (var c in inForce)
        {
            var benefitKey = group == WelfareGroup.Disability ? c.Benefit : 0;
            if (!seen.Add((c.PersonId, benefitKey)))
            {
                continue; // two overlapping records of the same person: paid once
            }

            if (c.DateOfDeath is { } died && died < start)
            {
                deceased++;
                continue;
            }

            if (paidKeys.Contains((c.PersonId, benefitKey)))
            {
                alreadyPaid++;
                continue;
            }

            if (WelfareStandard.Choose(standards, c.Benefit, period) is { } standard)
            {
                lines.Add(new WelfareLine(c.RecordId, c.PersonId, c.Name, c.IdNumber, c.Benefit, c.DivisionCode, standard.MonthlyAmount));
            }
            else
            {
                withoutStandard++;
            }
        }

        return new WelfarePreview(group, period, lines, alreadyPaid, withoutStandard, deceased);
    }

    private static IQueryable<WelfarePaymentRow> Payments(CivilAffairsDbContext db, WelfareGroup group, Period period, string? divisionCode, PaymentStatus? status, string? text)
    {
        var key = period.Key;
        var payments = db.WelfarePayments.AsNoTracking().Where(p => p.Group == group && p.Period == key);
        if (!string.IsNullOrWhiteSpace(divisionCode) && DivisionCatalog.Find(divisionCode) is not null)
        {
            var prefix = DivisionScope.For(divisionCode).Prefix;
            payments = payments.Where(p => p.DivisionCode.StartsWith(prefix));
        }

        if (status is { } s)
        {
            payments = payments.Where(p => p.Status == s);
        }

        var rows = from p in payments
                   join person in db.People on p.PersonId equals person.Id
                   select new { p, person };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            rows = rows.Where(r => r.person.Name.Contains(t) || r.person.IdNumber == t);
        }

        return rows.OrderBy(r => r.p.DivisionCode).ThenBy(r => r.person.Name).ThenBy(r => r.p.Id)
            .Select(r => new WelfarePaymentRow(r.p.Id, r.p.Version, r.p.PersonId, r.person.Name, r.person.IdNumber, r.p.Benefit, r.p.DivisionCode, r.p.Period, r.p.Amount, r.p.Status, r.p.SettledOn, r.p.Note));
    }

    private static WelfarePaymentRow Mask(WelfarePaymentRow row) => row with { IdNumber = ResidentId.Mask(row.IdNumber) };

    private WelfarePreview Masked(WelfarePreview preview) =>
        currentUser.User.CanSeeFullIdNumbers ? preview : preview with { Lines = [.. preview.Lines.Select(l => l with { IdNumber = ResidentId.Mask(l.IdNumber) })] };

    private void RequireEditor(WelfareGroup group)
    {
        if (!currentUser.User.CanEdit(ServiceLine.ChildAndDisabilityWelfare))
        {
            throw new AccessDeniedException($"您没有办理{group.ChineseName()}发放的权限。");
        }
    }
}

public static class WelfareTotals
{
    /// <summary>Rewrites the totals of the given months from the payments, under the caller's scope. Call inside the transaction that changed the payments.</summary>
    public static async Task RefreshAsync(CivilAffairsDbContext db, IEnumerable<int> periods, CancellationToken cancellationToken = default)
    {
        foreach (var period in periods.Distinct())
        {
            await db.WelfareMonthlyTotals.Where(t => t.Period == period).ExecuteDeleteAsync(cancellationToken);
            var totals = await db.WelfarePayments.AsNoTracking().Where(p => p.Period == period)
                .GroupBy(p => new { p.DivisionCode, p.Benefit })
                .Select(g => new WelfareMonthlyTotal
                {
                    Period = period,
                    DivisionCode = g.Key.DivisionCode,
                    Benefit = g.Key.Benefit,
                    Payments = g.Count(p => p.Status != PaymentStatus.Returned),
                    PaidAmount = g.Sum(p => p.Status == PaymentStatus.Paid ? p.Amount : 0m),
                })
                .ToListAsync(cancellationToken);
            db.WelfareMonthlyTotals.AddRange(totals);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// 残疾人两项补贴 and 困境儿童基本生活费 paid for months after the person's death month (to recover).
/// Returned payments are not listed (nothing to recover).
/// </summary>
public sealed class WelfarePaymentsAfterDeath : IPaymentsAfterDeathSource
{
    public Security.ServiceLine Line => Security.ServiceLine.ChildAndDisabilityWelfare;

    public async Task<IReadOnlyList<PaymentAfterDeath>> FindAsync(CivilAffairsDbContext db, int? personId, CancellationToken cancellationToken)
    {
        var rows = from p in db.WelfarePayments.AsNoTracking()
                   join person in db.People on p.PersonId equals person.Id
                   where person.DateOfDeath != null && p.Status != PaymentStatus.Returned && (personId == null || p.PersonId == personId)
                   select new { p.Benefit, p.PersonId, person.Name, p.DivisionCode, DateOfDeath = person.DateOfDeath!.Value, p.Period, p.Amount, p.Status };
        var list = await rows.ToListAsync(cancellationToken);
        return [.. list.Where(r => r.Period > Period.Of(r.DateOfDeath).Key)
            .OrderBy(r => r.DivisionCode).ThenBy(r => r.Name).ThenBy(r => r.Period)
            .Select(r => new PaymentAfterDeath(r.Benefit.ChineseName(), r.PersonId, r.Name, r.DivisionCode, r.DateOfDeath, r.Period, r.Amount, r.Status.ChineseName()))];
    }
}
