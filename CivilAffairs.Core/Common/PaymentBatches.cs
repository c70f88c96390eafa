using System.Globalization;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Common;

/// <summary>What every monthly payment batch (高龄津贴, 低保/特困, 安心助养, 两项补贴/孤儿) shares.</summary>
internal static class PaymentBatches
{
    /// <summary>
    /// A commit that finds nobody new to pay while the month already has payments is a repeat (a second
    /// tab, a colleague): say so, with who generated the batch and when, instead of a green "0 generated".
    /// </summary>
    public static async Task RefuseRepeatAsync<T>(CivilAffairsDbContext db, IQueryable<T> monthPayments, Period period, CancellationToken cancellationToken)
        where T : Entity
    {
        var count = await monthPayments.CountAsync(cancellationToken);
        if (count == 0)
        {
            return;
        }

        var first = (await monthPayments.MinAsync(p => p.Id, cancellationToken)).ToString(CultureInfo.InvariantCulture);
        var made = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == typeof(T).Name && a.EntityKey == first && a.Action == AuditAction.Insert)
            .Select(a => new { a.UserName, a.OccurredAt })
            .FirstOrDefaultAsync(cancellationToken);
        var by = made is null ? string.Empty : $"已于 {made.OccurredAt.ToChina():yyyy-MM-dd HH:mm} 由 {made.UserName} ";
        throw new DomainException($"{period.ChineseName}的发放批次{by}生成（{count:N0} 笔），没有新的发放对象，无需重复生成。");
    }
}
