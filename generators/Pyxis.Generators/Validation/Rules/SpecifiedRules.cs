using System;
using System.Collections.Immutable;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>
/// The validation rules, one file each in this folder, named as graphql-js names them. The binder
/// (<see cref="OperationValidator"/>, <see cref="SelectionValidator"/>) runs each where its walk reaches what the
/// rule checks, because what binds next depends on what a rule found; this list is where they are all named
/// (<c>LayeringTests</c> checks that it and the folder agree). Rules across files (unique operation and fragment
/// names, unused fragments) run after every file is bound: <see cref="DuplicateNames"/>, <see cref="FragmentUsage"/>.
/// </summary>
internal static class SpecifiedRules
{
    public static readonly ImmutableArray<Type> All =
    [
        typeof(ExecutableDefinitionsRule),
        typeof(NamedOperationsRule),
        typeof(KnownOperationTypesRule),
        typeof(FieldsOnCorrectTypeRule),
        typeof(ScalarLeafsRule),
        typeof(OverlappingFieldsCanBeMergedRule),
        typeof(KnownArgumentNamesRule),
        typeof(UniqueArgumentNamesRule),
        typeof(ProvidedRequiredArgumentsRule),
        typeof(ValuesOfCorrectTypeRule),
        typeof(KnownFragmentNamesRule),
        typeof(NoFragmentCyclesRule),
        typeof(PossibleFragmentSpreadsRule),
        typeof(KnownTypeNamesRule),
        typeof(KnownDirectivesRule),
        typeof(UniqueDirectivesPerLocationRule),
        typeof(UniqueVariableNamesRule),
        typeof(VariablesAreInputTypesRule),
        typeof(NoUndefinedVariablesRule),
        typeof(NoUnusedVariablesRule),
        typeof(VariablesInAllowedPositionRule),
    ];
}
