"""Use cases: permission + rules + queries + audit, one transaction each."""
