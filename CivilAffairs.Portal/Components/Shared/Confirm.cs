using MudBlazor;

namespace CivilAffairs.Portal.Components.Shared;

internal static class Confirm
{
    /// <summary>Asks before a destructive action; true only when the user clicked the confirm button.</summary>
    public static async Task<bool> DeleteAsync(this IDialogService dialogs, string title, string message, string yes, string no) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: no) == true;
}
