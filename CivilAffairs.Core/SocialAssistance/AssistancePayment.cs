using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>Which programme a payment belongs to.</summary>
public enum AssistanceProgram
{
    /// <summary>最低生活保障.</summary>
    Dibao = 1,
    /// <summary>特困人员救助供养.</summary>
    ExtremePoverty = 2,
}

/// <summary>One month's benefit of one 低保 or 特困 case; at most one per case and month.</summary>
public sealed class AssistancePayment : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => Period > 0 ? Common.Period.FromKey(Period).Start : null;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public AssistanceProgram Program { get; set; }

    /// <summary>The <see cref="DibaoCase"/> or <see cref="ExtremePovertyCase"/> id, by <see cref="Program"/>.</summary>
    public int CaseId { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public UrbanRural Area { get; set; }

    /// <summary>The month paid for (yyyymm).</summary>
    public int Period { get; set; }

    /// <summary>Persons covered by the payment.</summary>
    public int Persons { get; set; }

    public decimal Amount { get; set; }

    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;

    public DateOnly? SettledOn { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// Payments of one month, division and programme, summed. Derived data rewritten in the same
/// transaction as every batch and every paid/returned change, so spending indicators read a few rows.
/// </summary>
public sealed class AssistanceMonthlyTotal : IDivisionScoped
{
    public int Period { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public AssistanceProgram Program { get; set; }

    /// <summary>Payments not returned.</summary>
    public int Payments { get; set; }

    /// <summary>Persons of the payments not returned.</summary>
    public int Persons { get; set; }

    /// <summary>Paid out (status 已发放), in 元.</summary>
    public decimal PaidAmount { get; set; }
}

public static class AssistanceTotals
{
    /// <summary>Rewrites the totals of the given months from the payments, under the caller's scope. Call inside the transaction that changed the payments.</summary>
    public static async Task RefreshAsync(CivilAffairsDbContext db, IEnumerable<int> periods, CancellationToken cancellationToken = default)
    {
        foreach (var period in periods.Distinct())
        {
            await db.AssistanceMonthlyTotals.Where(t => t.Period == period).ExecuteDeleteAsync(cancellationToken);
            var totals = await db.AssistancePayments.AsNoTracking().Where(p => p.Period == period)
                .GroupBy(p => new { p.DivisionCode, p.Program })
                .Select(g => new AssistanceMonthlyTotal
                {
                    Period = period,
                    DivisionCode = g.Key.DivisionCode,
                    Program = g.Key.Program,
                    Payments = g.Count(p => p.Status != PaymentStatus.Returned),
                    Persons = g.Sum(p => p.Status != PaymentStatus.Returned ? p.Persons : 0),
                    PaidAmount = g.Sum(p => p.Status == PaymentStatus.Paid ? p.Amount : 0m),
                })
                .ToListAsync(cancellationToken);
            db.AssistanceMonthlyTotals.AddRange(totals);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
