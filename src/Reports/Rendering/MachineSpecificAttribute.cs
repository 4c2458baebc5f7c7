namespace Reports.Rendering;

/// <summary>A path on this machine: <c>render --context</c> writes only its file name, so the output is the same everywhere.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MachineSpecificAttribute : Attribute;
