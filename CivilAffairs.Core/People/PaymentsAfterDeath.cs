using CivilAffairs.Core.Data;

namespace CivilAffairs.Core.People;

/// <summary>
/// A payment made to (or for) a person for a month after the month of their death: it must be
/// recovered. <paramref name="Period"/> is the month paid for (yyyymm).
/// </summary>
public sealed record PaymentAfterDeath(
    string Program,
    int PersonId,
    string PersonName,
    string DivisionCode,
    DateOnly DateOfDeath,
    int Period,
    decimal Amount,
    string Status);

/// <summary>
/// Each monthly payment programme (高龄津贴, 低保, 特困, 残疾人两项补贴, 孤儿基本生活费 …) registers one
/// source; the recovery list of the 身后一件事 pages is the union of all registered sources. Queries go
/// through <paramref name="db"/> so the caller's division scope applies.
/// Rule shared by every batch: a person who died in month M is paid for M, never for M+1 or later.
/// </summary>
public interface IPaymentsAfterDeathSource
{
    /// <summary>The line the payments belong to: only users who may read it see them on the recovery list.</summary>
    Security.ServiceLine Line { get; }

    Task<IReadOnlyList<PaymentAfterDeath>> FindAsync(CivilAffairsDbContext db, int? personId, CancellationToken cancellationToken);
}
