using System;

namespace ExtraHop.Simulator;

/// <summary>A state change of one appliance.</summary>
/// <param name="Time">When it happened (for timed job transitions: the moment the schedule put it at).</param>
/// <param name="Appliance">The appliance's name.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">Facts about it, as <c>key=value</c> words (for example <c>cluster=rsc1 enabled=false</c>).</param>
public sealed record SimulatorEvent(DateTimeOffset Time, string Appliance, SimulatorEventKind Kind, string Detail);
