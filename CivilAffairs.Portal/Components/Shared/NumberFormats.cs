namespace CivilAffairs.Portal.Components.Shared;

/// <summary>Display formats of number fields.</summary>
internal static class NumberFormats
{
    /// <summary>
    /// 元 with two decimals, but never hiding a third: 100.555 stays 100.555 next to its "to the fen"
    /// message instead of looking like the 100.56 it is not.
    /// </summary>
    public const string Yuan = "#,0.00########";
}
