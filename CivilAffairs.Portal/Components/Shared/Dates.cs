namespace CivilAffairs.Portal.Components.Shared;

/// <summary>MudDatePicker binds DateTime?; the domain uses DateOnly.</summary>
internal static class Dates
{
    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;
}
