namespace CivilAffairs.Core.ElderlyCare.Import;

/// <summary>One column of an import template: header text, whether it must be filled, the hint on the instructions sheet, the example value and the width.</summary>
internal sealed record ImportColumn(string Header, bool Required, string Hint, object? Example, double Width = 14);
