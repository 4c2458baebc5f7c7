namespace Reports;

/// <summary>A path on this machine: <c>render --context</c> writes only its file name, so the output is the same everywhere.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MachineSpecificAttribute : Attribute;
