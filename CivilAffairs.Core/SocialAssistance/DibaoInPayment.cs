using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>
/// The one rule for "this 低保 case is in payment on a day", read from the dated transitions so that a
/// month keeps its answer when a case is suspended, resumed or exited later. In payment: confirmed by
/// that day, not exited by then, and not suspended then (its last suspension on or before the day was
/// not followed by a resumption or an exit by the day). The indicators (the stock at a period's end),
/// the monthly batch and the data-quality check all use it.
/// </summary>
public static class DibaoInPayment
{
    public static IQueryable<DibaoCase> On(CivilAffairsDbContext db, DateOnly day) =>
        db.DibaoCases.Where(c => c.ConfirmedOn != null && c.ConfirmedOn <= day && (c.ExitedOn == null || c.ExitedOn > day)
            && !db.CaseTransitions.Any(s => s.DibaoCaseId == c.Id && s.Action == CaseAction.Suspend && s.On <= day
                && !db.CaseTransitions.Any(r => r.DibaoCaseId == c.Id && r.Id > s.Id && r.On <= day && (r.Action == CaseAction.Resume || r.Action == CaseAction.Exit))));

    /// <summary>
    /// The day a month's batch judges eligibility on: the month's last day, or today while the month is
    /// still running (a case suspended on the 3rd is not paid on the 21st; one suspended after the
    /// month ended was paid for it).
    /// </summary>
    public static DateOnly CutOff(Period period, DateOnly today) => period.End < today ? period.End : today;
}
