using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.ElderlyCare;

/// <summary>
/// The high-age allowance of one month in one division, summed. Derived data: rewritten from the
/// payments in the same transaction as every batch and every paid/returned change, so indicators
/// read a few rows a month instead of scanning millions of payments.
/// </summary>
public sealed class AllowanceMonthlyTotal : IDivisionScoped
{
    public int Period { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>Payments not returned (人次).</summary>
    public int Payments { get; set; }

    /// <summary>Amount paid out (status 已发放), in 元.</summary>
    public decimal PaidAmount { get; set; }
}

public static class AllowanceTotals
{
    /// <summary>
    /// Rewrites the totals of the given months from the payments. Runs under the caller's scope
    /// (filter on both tables), so a county refresh touches only that county's rows. Call inside
    /// the transaction that changed the payments.
    /// </summary>
    public static async Task RefreshAsync(CivilAffairsDbContext db, IEnumerable<int> periods, CancellationToken cancellationToken = default)
    {
        foreach (var period in periods.Distinct())
        {
            await db.AllowanceMonthlyTotals.Where(t => t.Period == period).ExecuteDeleteAsync(cancellationToken);
            var totals = await db.HighAgeAllowancePayments.AsNoTracking().Where(p => p.Period == period)
                .GroupBy(p => p.DivisionCode)
                .Select(g => new AllowanceMonthlyTotal
                {
                    Period = period,
                    DivisionCode = g.Key,
                    Payments = g.Count(p => p.Status != PaymentStatus.Returned),
                    PaidAmount = g.Sum(p => p.Status == PaymentStatus.Paid ? p.Amount : 0m),
                })
                .ToListAsync(cancellationToken);
            db.AllowanceMonthlyTotals.AddRange(totals);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
