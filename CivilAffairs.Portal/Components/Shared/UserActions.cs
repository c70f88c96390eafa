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
        catch (Exception ex) when (ex is not NavigationException)
        {
            var failure = SaveFailure.From(ex);
            if (failure.Expected)
            {
                logger.LogInformation("A write was refused: {Reason}", failure.Message);
            }
            else
            {
                logger.LogError(ex, "A write failed unexpectedly.");
            }

            snackbar.Add(failure.Message, Severity.Error);
            return failure;
        }
    }
}
