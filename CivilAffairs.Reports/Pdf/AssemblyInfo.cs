using System.Runtime.CompilerServices;

// The layout tests drive the internal elements directly (measure, draw, inspect the recorded page).
[assembly: InternalsVisibleTo("CivilAffairs.Tests")]
