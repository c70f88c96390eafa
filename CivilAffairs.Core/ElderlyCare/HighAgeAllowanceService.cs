using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.ElderlyCare;

public sealed record AllowanceLine(int PersonId, string Name, string IdNumber, string DivisionCode, int Age, decimal Amount)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>What a batch would create: the new payments, and how many eligible persons were already paid for the month.</summary>
public sealed record AllowancePreview(Period Period, IReadOnlyList<AllowanceLine> Lines, int AlreadyPaid, int WithoutStandard)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

public sealed record PaymentRow(int Id, Guid Version, int PersonId, string Name, string IdNumber, string DivisionCode, int Period, int Age, decimal Amount, PaymentStatus Status, DateOnly? SettledOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed record StandardRow(int Id, Guid Version, int MinAge, int? MaxAge, decimal MonthlyAmount, int EffectiveFrom);

/// <summary>
/// 高龄津贴: standards by age band, and the monthly batch. Eligible in a month: alive at its start
/// (a person who dies is paid for the month of death, not after), 80 or older by its last day
/// (the birthday month counts), inside the user's scope, not yet paid for that month.
/// </summary>
public sealed class HighAgeAllowanceService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<AllowancePreview> PreviewAsync(Period period, string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await BuildAsync(db, period, divisionCode, cancellationToken);
    }

    /// <summary>Creates the month's payments (status 待发放) in one transaction; running it again creates nothing new.</summary>
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
            await PaymentBatches.RefuseRepeatAsync(db, db.HighAgeAllowancePayments.Where(p => p.Period == period.Key && (divisionCode == null || p.DivisionCode.StartsWith(divisionCode))), period, cancellationToken);
        }

        if (preview.WithoutStandard > 0)
        {
            throw new DomainException($"有 {preview.WithoutStandard} 人的年龄段没有适用于 {period.ChineseName} 的津贴标准，请先由管理员设置标准。");
        }

        db.HighAgeAllowancePayments.AddRange(preview.Lines.Select(l => new HighAgeAllowancePayment
        {
            PersonId = l.PersonId, DivisionCode = l.DivisionCode, Period = period.Key, Age = l.Age, Amount = l.Amount, Status = PaymentStatus.Pending,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"部分人员{period.ChineseName}已在其他辖区发放（可能已迁移），批次未生成。请核对后重试。", ex);
        }

        await AllowanceTotals.RefreshAsync(db, [period.Key], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return preview.Lines.Count;
    }

    public async Task<PagedResult<PaymentRow>> PaymentsAsync(Period period, string? divisionCode, PaymentStatus? status, string? text, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var query = Payments(db, period, divisionCode, status, text);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new PagedResult<PaymentRow>(Mask(rows), total);
    }

    public async IAsyncEnumerable<PaymentRow> ExportAsync(Period period, string? divisionCode, PaymentStatus? status, string? text,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var mask = !currentUser.User.CanSeeFullIdNumbers;
        await foreach (var row in Payments(db, period, divisionCode, status, text).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return mask ? row with { IdNumber = ResidentId.Mask(row.IdNumber) } : row;
        }
    }

    /// <summary>Marks payments paid or returned (a returned one may later be paid). Pending is not a target.</summary>
    public async Task<int> SettleAsync(IReadOnlyCollection<int> paymentIds, PaymentStatus status, string? note = null, CancellationToken cancellationToken = default)
    {
        RequireEditor();
        if (status == PaymentStatus.Pending)
        {
            throw new DomainException("只能标记为已发放或已退回。");
        }

        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payments = await db.HighAgeAllowancePayments.Where(p => paymentIds.Contains(p.Id)).ToListAsync(cancellationToken);
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

            payment.Status = status;
            payment.SettledOn = today;
            payment.Note = string.IsNullOrWhiteSpace(note) ? payment.Note : note.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        await AllowanceTotals.RefreshAsync(db, payments.Select(p => p.Period), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return payments.Count;
    }

    public async Task<IReadOnlyList<StandardRow>> StandardsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.HighAgeAllowanceStandards.AsNoTracking().OrderBy(s => s.MinAge).ThenByDescending(s => s.EffectiveFrom)
            .Select(s => new StandardRow(s.Id, s.Version, s.MinAge, s.MaxAge, s.MonthlyAmount, s.EffectiveFrom)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds or changes a standard (administrators only: the data layer refuses anyone else).</summary>
    public async Task SaveStandardAsync(StandardRow row, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var standard = row.Id == 0 ? new HighAgeAllowanceStandard() : await db.HighAgeAllowanceStandards.FirstOrDefaultAsync(s => s.Id == row.Id, cancellationToken)
            ?? throw new DomainException("该标准不存在。");
        if (row.Id == 0)
        {
            db.HighAgeAllowanceStandards.Add(standard);
        }
        else
        {
            db.Entry(standard).Property(s => s.Version).OriginalValue = row.Version;
        }

        (standard.MinAge, standard.MaxAge, standard.MonthlyAmount, standard.EffectiveFrom) = (row.MinAge, row.MaxAge, row.MonthlyAmount, row.EffectiveFrom);
        standard.Validate();
        if (await db.HighAgeAllowanceStandards.AnyAsync(s => s.Id != row.Id && s.MinAge == row.MinAge && s.EffectiveFrom == row.EffectiveFrom, cancellationToken))
        {
            throw new DomainException("同一年龄段在同一月份已有标准。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<AllowancePreview> BuildAsync(CivilAffairsDbContext db, Period period, string? divisionCode, CancellationToken cancellationToken)
    {
        var key = period.Key;
        var bornBy = period.End.AddYears(-HighAgeAllowanceStandard.MinimumAge);
        var people = db.People.AsNoTracking().Where(p => p.BirthDate <= bornBy && (p.DateOfDeath == null || p.DateOfDeath >= period.Start));
        if (!string.IsNullOrWhiteSpace(divisionCode) && DivisionCatalog.Find(divisionCode) is not null)
        {
            var prefix = DivisionScope.For(divisionCode).Prefix;
            people = people.Where(p => p.DivisionCode.StartsWith(prefix));
        }

        // Never IgnoreQueryFilters here: in EF it switches off every filter of the whole query,
        // the persons' scope included. A person paid this month in another division (moved since)
        // is caught by the unique index at commit.
        var paid = db.HighAgeAllowancePayments.Where(x => x.Period == key);
        var alreadyPaid = await people.CountAsync(p => paid.Any(x => x.PersonId == p.Id), cancellationToken);
        var candidates = await people.Where(p => !paid.Any(x => x.PersonId == p.Id))
            .OrderBy(p => p.DivisionCode).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.IdNumber, p.DivisionCode, p.BirthDate })
            .ToListAsync(cancellationToken);

        var standards = (await db.HighAgeAllowanceStandards.AsNoTracking().Where(s => s.EffectiveFrom <= key).ToListAsync(cancellationToken))
            .GroupBy(s => s.MinAge).Select(g => g.MaxBy(s => s.EffectiveFrom)!).ToList();
        var lines = new List<AllowanceLine>();
        var withoutStandard = 0;
        foreach (var c in candidates)
        {
            var age = Age.On(c.BirthDate, period.End);
            if (standards.FirstOrDefault(s => s.Covers(age)) is { } standard)
            {
                lines.Add(new AllowanceLine(c.Id, c.Name, c.IdNumber, c.DivisionCode, age, standard.MonthlyAmount));
            }
            else
            {
                withoutStandard++;
            }
        }

        return new AllowancePreview(period, currentUser.User.CanSeeFullIdNumbers ? lines : lines.ConvertAll(l => l with { IdNumber = ResidentId.Mask(l.IdNumber) }), alreadyPaid, withoutStandard);
    }

    /// <summary>Payments of the month with their person, ordered by division and name.</summary>
    private static IQueryable<PaymentRow> Payments(CivilAffairsDbContext db, Period period, string? divisionCode, PaymentStatus? status, string? text)
    {
        var key = period.Key;
        var payments = db.HighAgeAllowancePayments.AsNoTracking().Where(p => p.Period == key);
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
            rows = rows.Where(r => r.person.Name.Contains(t));
        }

        return rows.OrderBy(r => r.p.DivisionCode).ThenBy(r => r.person.Name).ThenBy(r => r.p.Id)
            .Select(r => new PaymentRow(r.p.Id, r.p.Version, r.p.PersonId, r.person.Name, r.person.IdNumber, r.p.DivisionCode, r.p.Period, r.p.Age, r.p.Amount, r.p.Status, r.p.SettledOn));
    }

    private List<PaymentRow> Mask(List<PaymentRow> rows) =>
        currentUser.User.CanSeeFullIdNumbers ? rows : rows.ConvertAll(r => r with { IdNumber = ResidentId.Mask(r.IdNumber) });

    private void RequireEditor()
    {
        if (!currentUser.User.CanEdit(ServiceLine.ElderlyCare))
        {
            throw new AccessDeniedException("您没有办理高龄津贴的权限。");
        }
    }
}
