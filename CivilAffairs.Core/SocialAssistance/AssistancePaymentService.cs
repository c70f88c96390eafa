using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

public sealed record AssistanceLine(AssistanceProgram Program, int CaseId, string Name, string DivisionCode, UrbanRural Area, int Persons, decimal Amount)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>What a batch would create, and how many eligible cases were already paid for the month.</summary>
public sealed record AssistancePreview(Period Period, IReadOnlyList<AssistanceLine> Lines, int AlreadyPaid)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

public sealed record AssistancePaymentRow(int Id, Guid Version, AssistanceProgram Program, int CaseId, string Name, string DivisionCode, int Period, int Persons, decimal Amount, PaymentStatus Status, DateOnly? SettledOn)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>
/// Monthly 低保 and 特困 payments. Eligible in a month: a 低保 case in payment on the month's last day
/// (or today, while the month runs; see <see cref="DibaoInPayment"/>: suspended, exited, refused and
/// open cases get nothing); a 特困
/// case started by the month's end and not ended before it began. One payment per case and month.
/// </summary>
public sealed class AssistancePaymentService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<AssistancePreview> PreviewAsync(Period period, string? divisionCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await BuildAsync(db, period, divisionCode, cancellationToken);
    }

    /// <summary>Creates the month's payments (待发放) in one transaction; running it again creates nothing new.</summary>
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
            await PaymentBatches.RefuseRepeatAsync(db, db.AssistancePayments.Where(p => p.Period == period.Key && (divisionCode == null || p.DivisionCode.StartsWith(divisionCode))), period, cancellationToken);
        }

        db.AssistancePayments.AddRange(preview.Lines.Select(l => new AssistancePayment
        {
            Program = l.Program, CaseId = l.CaseId, DivisionCode = l.DivisionCode, Area = l.Area, Period = period.Key, Persons = l.Persons, Amount = l.Amount,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"部分案件{period.ChineseName}已生成发放记录，批次未生成。请刷新后重试。", ex);
        }

        await AssistanceTotals.RefreshAsync(db, [period.Key], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return preview.Lines.Count;
    }

    /// <summary>One month's payments; <paramref name="text"/> finds the head of household's or the supported person's name.</summary>
    public async Task<PagedResult<AssistancePaymentRow>> PaymentsAsync(Period period, string? divisionCode, AssistanceProgram? program, PaymentStatus? status, PageRequest page,
        CancellationToken cancellationToken = default, string? text = null)
    {
        await using var db = factory.CreateDbContext();
        var query = Payments(db, period, divisionCode, program, status, text, page.SortBy, page.Descending);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new PagedResult<AssistancePaymentRow>(rows, total);
    }

    public async IAsyncEnumerable<AssistancePaymentRow> ExportAsync(Period period, string? divisionCode, AssistanceProgram? program, PaymentStatus? status,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default, string? text = null, string? sortBy = null, bool descending = false)
    {
        await using var db = factory.CreateDbContext();
        await foreach (var row in Payments(db, period, divisionCode, program, status, text, sortBy, descending).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Marks payments paid or returned; returning a paid one needs a reason.</summary>
    public async Task<int> SettleAsync(IReadOnlyCollection<int> paymentIds, PaymentStatus status, string? note = null, CancellationToken cancellationToken = default)
    {
        RequireEditor();
        if (status == PaymentStatus.Pending)
        {
            throw new DomainException("只能标记为已发放或已退回。");
        }

        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payments = await db.AssistancePayments.Where(p => paymentIds.Contains(p.Id)).ToListAsync(cancellationToken);
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
        await AssistanceTotals.RefreshAsync(db, payments.Select(p => p.Period), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return payments.Count;
    }

    private async Task<AssistancePreview> BuildAsync(CivilAffairsDbContext db, Period period, string? divisionCode, CancellationToken cancellationToken)
    {
        var key = period.Key;
        var (start, end) = (period.Start, period.End);
        var prefix = !string.IsNullOrWhiteSpace(divisionCode) && DivisionCatalog.Find(divisionCode) is not null ? DivisionScope.For(divisionCode).Prefix : string.Empty;
        var paid = db.AssistancePayments.Where(p => p.Period == key);

        // In payment on the batch's cut-off day (DibaoInPayment), not by today's state: a case suspended
        // during the month is not paid for it, one suspended after the month ended was.
        var dibao = DibaoInPayment.On(db, DibaoInPayment.CutOff(period, clock.Today())).AsNoTracking().Where(c => c.DivisionCode.StartsWith(prefix));
        // Death rule (People.PaymentsAfterDeath): a person who died in month M is paid for M, never after.
        var poverty = db.ExtremePovertyCases.AsNoTracking().Where(c => c.StartedOn <= end && (c.EndedOn == null || c.EndedOn >= start) && c.DivisionCode.StartsWith(prefix)
            && (c.Person!.DateOfDeath == null || c.Person.DateOfDeath >= start));

        var alreadyPaid = await dibao.CountAsync(c => paid.Any(p => p.Program == AssistanceProgram.Dibao && p.CaseId == c.Id), cancellationToken)
            + await poverty.CountAsync(c => paid.Any(p => p.Program == AssistanceProgram.ExtremePoverty && p.CaseId == c.Id), cancellationToken);
        var dibaoCandidates = await dibao.Where(c => !paid.Any(p => p.Program == AssistanceProgram.Dibao && p.CaseId == c.Id))
            .OrderBy(c => c.DivisionCode).ThenBy(c => c.Id)
            .Select(c => new
            {
                Line = new AssistanceLine(AssistanceProgram.Dibao, c.Id, c.Household!.Head!.Name, c.DivisionCode, c.Area, c.Members, c.MonthlyBenefit),
                Dead = c.Household.Members.Count(m => m.Person!.DateOfDeath < start),
                Alive = c.Household.Members.Count(m => m.Person!.DateOfDeath == null || m.Person.DateOfDeath >= start),
            })
            .ToListAsync(cancellationToken);
        var dibaoLines = dibaoCandidates.Select(c => WithoutDeceased(c.Line, c.Dead, c.Alive)).OfType<AssistanceLine>().ToList();
        var povertyLines = await poverty.Where(c => !paid.Any(p => p.Program == AssistanceProgram.ExtremePoverty && p.CaseId == c.Id))
            .OrderBy(c => c.DivisionCode).ThenBy(c => c.Id)
            .Select(c => new AssistanceLine(AssistanceProgram.ExtremePoverty, c.Id, c.Person!.Name, c.DivisionCode, UrbanRural.Rural, 1, c.MonthlyAmount))
            .ToListAsync(cancellationToken);
        return new AssistancePreview(period, [.. dibaoLines, .. povertyLines], alreadyPaid);
    }

    /// <summary>
    /// A 低保 household is paid for its members alive at the start of the month: members who died before
    /// it are no longer counted (the benefit shrinks in proportion), and a household with no living member gets nothing.
    /// </summary>
    internal static AssistanceLine? WithoutDeceased(AssistanceLine line, int dead, int alive)
    {
        if (dead == 0)
        {
            return line;
        }

        var persons = Math.Min(alive, Math.Max(0, line.Persons - dead));
        if (persons <= 0)
        {
            return null;
        }

        var amount = line.Persons > 0 ? Math.Round(line.Amount * persons / line.Persons, 2, MidpointRounding.AwayFromZero) : line.Amount;
        return line with { Persons = persons, Amount = amount };
    }

    private static IQueryable<AssistancePaymentRow> Payments(CivilAffairsDbContext db, Period period, string? divisionCode, AssistanceProgram? program, PaymentStatus? status,
        string? text, string? sortBy, bool descending)
    {
        var key = period.Key;
        var payments = db.AssistancePayments.AsNoTracking().Where(p => p.Period == key);
        if (!string.IsNullOrWhiteSpace(divisionCode) && DivisionCatalog.Find(divisionCode) is not null)
        {
            var prefix = DivisionScope.For(divisionCode).Prefix;
            payments = payments.Where(p => p.DivisionCode.StartsWith(prefix));
        }

        if (program is { } pr)
        {
            payments = payments.Where(p => p.Program == pr);
        }

        if (status is { } s)
        {
            payments = payments.Where(p => p.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            payments = payments.Where(p => p.Program == AssistanceProgram.Dibao
                ? db.DibaoCases.Any(c => c.Id == p.CaseId && c.Household!.Head!.Name.Contains(t))
                : db.ExtremePovertyCases.Any(c => c.Id == p.CaseId && c.Person!.Name.Contains(t)));
        }

        var ordered = sortBy switch
        {
            nameof(AssistancePaymentRow.Amount) => descending ? payments.OrderByDescending(p => (double)p.Amount) : payments.OrderBy(p => (double)p.Amount),
            nameof(AssistancePaymentRow.Persons) => descending ? payments.OrderByDescending(p => p.Persons) : payments.OrderBy(p => p.Persons),
            nameof(AssistancePaymentRow.Status) => descending ? payments.OrderByDescending(p => p.Status) : payments.OrderBy(p => p.Status),
            nameof(AssistancePaymentRow.DivisionName) when descending => payments.OrderByDescending(p => p.DivisionCode),
            _ => payments.OrderBy(p => p.DivisionCode),
        };
        return ordered.ThenBy(p => p.Program).ThenBy(p => p.CaseId)
            .Select(p => new AssistancePaymentRow(p.Id, p.Version, p.Program, p.CaseId,
                p.Program == AssistanceProgram.Dibao
                    ? db.DibaoCases.Where(c => c.Id == p.CaseId).Select(c => c.Household!.Head!.Name).FirstOrDefault() ?? string.Empty
                    : db.ExtremePovertyCases.Where(c => c.Id == p.CaseId).Select(c => c.Person!.Name).FirstOrDefault() ?? string.Empty,
                p.DivisionCode, p.Period, p.Persons, p.Amount, p.Status, p.SettledOn));
    }

    private void RequireEditor()
    {
        if (!currentUser.User.CanEdit(ServiceLine.SocialAssistance))
        {
            throw new AccessDeniedException("您没有办理社会救助发放的权限。");
        }
    }
}

public sealed record AssistanceStandardRow(int Id, Guid Version, string CountyCode, UrbanRural Area, decimal MonthlyAmount, DateOnly EffectiveFrom)
{
    public string CountyName => DivisionCatalog.NameOf(CountyCode);
}

/// <summary>低保标准 per county: read by everyone with the line, changed by administrators only (the data layer refuses anyone else).</summary>
public sealed class AssistanceStandardService(IDbContextFactory<CivilAffairsDbContext> factory)
{
    public async Task<IReadOnlyList<AssistanceStandardRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.AssistanceStandards.AsNoTracking().OrderBy(s => s.CountyCode).ThenBy(s => s.Area).ThenByDescending(s => s.EffectiveFrom)
            .Select(s => new AssistanceStandardRow(s.Id, s.Version, s.CountyCode, s.Area, s.MonthlyAmount, s.EffectiveFrom)).ToListAsync(cancellationToken);
    }

    public async Task<int> SaveAsync(AssistanceStandardRow row, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var standard = row.Id == 0 ? new AssistanceStandard() : await db.AssistanceStandards.FirstOrDefaultAsync(s => s.Id == row.Id, cancellationToken)
            ?? throw new DomainException("该标准不存在。");
        if (row.Id == 0)
        {
            db.AssistanceStandards.Add(standard);
        }
        else
        {
            db.Entry(standard).Property(s => s.Version).OriginalValue = row.Version;
        }

        (standard.CountyCode, standard.Area, standard.MonthlyAmount, standard.EffectiveFrom) = (row.CountyCode, row.Area, row.MonthlyAmount, row.EffectiveFrom);
        standard.Validate();
        if (await db.AssistanceStandards.AnyAsync(s => s.Id != row.Id && s.CountyCode == row.CountyCode && s.Area == row.Area && s.EffectiveFrom == row.EffectiveFrom, cancellationToken))
        {
            throw new DomainException("该县（市）同一城乡类别在同一日期已有标准。");
        }

        await db.SaveChangesAsync(cancellationToken);
        return standard.Id;
    }
}
