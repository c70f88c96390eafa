namespace CivilAffairs.Portal.Resources;

/// <summary>
/// Marker for the UI strings: <c>SharedResource.resx</c> holds Simplified Chinese (the default
/// culture), <c>SharedResource.en.resx</c> English.
/// </summary>
public sealed class SharedResource;
