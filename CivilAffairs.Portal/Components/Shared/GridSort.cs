using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CivilAffairs.Portal.Components.Shared;

/// <summary>Remembers a grid's sort so that the export downloads the list in the order on screen.</summary>
internal sealed class GridSort
{
    public string? SortBy { get; private set; }

    public bool Descending { get; private set; }

    public PageRequest PageOf<T>(GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        (SortBy, Descending) = (sort?.SortBy, sort?.Descending ?? false);
        return new PageRequest(state.Page, state.PageSize, SortBy, Descending);
    }

    public string ExportUrl(NavigationManager navigation, string path, ActivityFilter filter) =>
        navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(path).ToString(), new Dictionary<string, object?>
        {
            ["text"] = filter.Text, ["division"] = filter.DivisionCode, ["from"] = filter.From?.ToString("yyyy-MM-dd"), ["to"] = filter.To?.ToString("yyyy-MM-dd"),
            ["sort"] = SortBy, ["desc"] = Descending,
        });
}
