// Give statements stored before argmap kept the role as a property (`role`) that property,
// from their role label. Runs at start-up; a map that has it everywhere matches nothing.
// params: none
// returns: updated
MATCH (s:Statement)
WHERE s.role IS NULL
SET s.role = CASE
  WHEN s:Position THEN 'Position'
  WHEN s:Claim THEN 'Claim'
  WHEN s:Premise THEN 'Premise'
  WHEN s:Rebuttal THEN 'Rebuttal'
END
RETURN count(s) AS updated
