using CivilAffairs.Core.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CivilAffairs.Portal.Components.Shared;

/// <summary>
/// The one place a user's write is run from a form, panel or dialog. Whatever it throws — a domain
/// rule, a month lock, a stale edit, a database constraint, a fault nobody foresaw — the user gets a
/// Chinese message as a snackbar and the component keeps its state, so nothing typed is lost and
/// the circuit (with every open form on it) survives. Unforeseen faults are logged with the stack.
/// </summary>
public sealed class UserActions(ISnackbar snackbar, ILogger<UserActions> logger)
{
    /// <summary>Runs the write; null when it succeeded, otherwise what went wrong (already shown).</summary>
    public async Task<SaveFailure?> RunAsync(Func<Task> action, string? successMessage = null)
    {
        try
        {
            await action();
            if (successMessage is not null)
            {
                snackbar.Add(successMessage, Severity.Success);
            }

            return null;
        }
        catch (Exception ex) when (IsReportable(ex))
        {
            return Report(ex);
        }
    }

    /// <summary>Any failure of a user's write except Blazor's own navigation signal.</summary>
    public static bool IsReportable(Exception exception) => exception is not NavigationException;

    /// <summary>Says what went wrong as a snackbar (and logs faults nobody foresaw).</summary>
    public SaveFailure Report(Exception exception)
    {
        var failure = Describe(exception);
        snackbar.Add(failure.Message, Severity.Error);
        return failure;
    }

    /// <summary>What went wrong, for a message shown in place (a dialog, an upload); logs faults nobody foresaw.</summary>
    public SaveFailure Describe(Exception exception)
    {
        var failure = SaveFailure.From(exception);
        if (failure.Expected)
        {
            logger.LogInformation("A write was refused: {Reason}", failure.Message);
        }
        else
        {
            logger.LogError(exception, "A write failed unexpectedly.");
        }

        return failure;
    }
}
