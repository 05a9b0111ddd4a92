import { DeciderSpecification, actor } from '../testing';
import {
  HISTORY,
  OTHER_UNIT,
  T,
  UNIT,
  assignData,
  assignDocument,
  assigned,
  assignedAssignees,
  clerk,
  completeDocument,
  completed,
  coordinator,
  deadlineExtended,
  extendDeadline,
  forwardAssignment,
  forwarded,
  leadUnit,
  leader,
  officer,
  officerHandler,
  otherUnitHead,
  person,
  presentDocument,
  progressReported,
  receive,
  received,
  registerDocument,
  registered,
  reportProgress,
  startProcessing,
  started,
  unitHead,
} from '../testing/incoming-document.fixtures';
import type { AssigneeInput, IncomingDocumentCommand } from './incoming-document.commands';
import type { IncomingDocumentEvent } from './incoming-document.events';
import { incomingDocumentDecider } from './incoming-document.decider';

const spec = DeciderSpecification.for(incomingDocumentDecider);
const [leadInput, coordinateInput, informationInput] = assignData().assignees;
const withAssignees = (...assignees: AssigneeInput[]) => assignDocument({ assignees });

describe('incoming document decider: assignment (phân công)', () => {
  describe('when registered', () => {
    const given = HISTORY.REGISTERED;

    it('is assigned by a LEADER: one lead, co-operating and informed parties, deadlines resolved', () => {
      const state = spec.given(given).when(assignDocument()).then([assigned()]);
      expect(state).toMatchObject({
        status: 'ASSIGNED',
        presentation: null,
        assignment: { lead: leadUnit, leadDeadline: T.leadDeadline, deadline: T.deadline, originalDeadline: T.deadline, hops: [] },
      });
    });

    it('is assigned by a UNIT_HEAD', () => {
      spec.given(given).when(assignDocument({}, unitHead)).then([assigned({ assignedBy: person(unitHead) })]);
    });

    it('is assigned by a delegate on behalf of the LEADER (ủy quyền), as the leader would, not as a clerk routing', () => {
      const onBehalfOf = { ...person(leader), roles: leader.roles };
      spec.given(given).when(assignDocument({ onBehalfOf }, officer)).then([assigned({ assignedBy: person(officer) })]);
    });

    it('refuses an officer acting in their own right, and a delegation to oneself', () => {
      spec.given(given).when(assignDocument({}, officer)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
      spec
        .given(given)
        .when(assignDocument({ onBehalfOf: { ...person(officer), roles: ['LEADER'] } }, officer))
        .thenThrows('VALIDATION_FAILED', { field: 'onBehalfOf', reason: 'SELF_DELEGATION' });
    });

    it('is routed directly by a CLERK to a known handler (Decree 30 Điều 23), recorded as such', () => {
      const assignees = [{ ...leadInput, deadline: null }];
      spec
        .given(given)
        .when(assignDocument({ assignees, instruction: '' }, clerk))
        .then([
          assigned({
            assignees: [{ ...assignedAssignees[0], deadline: T.deadline }],
            instruction: '',
            assignedBy: person(clerk),
            routedByClerk: true,
          }),
        ]);
    });

    it('is assigned to a person as lead', () => {
      const lead: AssigneeInput = { role: 'LEAD', username: officer.username, unitId: null, unitIdOfUser: UNIT, fullName: officer.fullName };
      const state = spec
        .given(given)
        .when(withAssignees(lead))
        .then([assigned({ assignees: [{ ...officerHandler, role: 'LEAD', deadline: T.deadline }] })]);
      expect(state).toMatchObject({ assignment: { lead: officerHandler } });
    });

    it('drops unitIdOfUser for a unit assignee', () => {
      spec
        .given(given)
        .when(withAssignees({ ...leadInput, unitIdOfUser: 'stray' }, coordinateInput, informationInput))
        .then([assigned()]);
    });

    it('carries the source into the assignment (exchange status 04)', () => {
      const source = { outgoingDocumentId: 'out-777', agencyCode: '000.00.00.H41' };
      spec.given([received({ source }), registered({ source })]).when(assignDocument()).then([assigned({ source })]);
    });

    it('refuses an OFFICER', () => {
      spec.given(given).when(assignDocument({}, officer)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a LEADER of another agency', () => {
      spec
        .given(given)
        .when(assignDocument({}, actor('LEADER', { agencyCode: '000.00.02.H41' })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it('refuses no lead', () => {
      spec.given(given).when(withAssignees(coordinateInput, informationInput)).thenThrows('VALIDATION_FAILED', {
        field: 'assignees',
        reason: 'EXACTLY_ONE_LEAD',
        leadCount: 0,
      });
    });

    it('refuses two leads', () => {
      spec
        .given(given)
        .when(withAssignees(leadInput, { ...coordinateInput, role: 'LEAD' }))
        .thenThrows('VALIDATION_FAILED', { reason: 'EXACTLY_ONE_LEAD', leadCount: 2 });
    });

    it('refuses an empty assignee list', () => {
      spec.given(given).when(withAssignees()).thenThrows('VALIDATION_FAILED', { field: 'assignees', reason: 'REQUIRED' });
    });

    it('refuses an assignee naming both a person and a unit', () => {
      spec
        .given(given)
        .when(withAssignees({ ...leadInput, username: officer.username }))
        .thenThrows('VALIDATION_FAILED', { field: 'assignees[0]', reason: 'EXACTLY_ONE_OF_USERNAME_UNIT' });
    });

    it('refuses an assignee naming neither a person nor a unit', () => {
      spec
        .given(given)
        .when(withAssignees(leadInput, { ...coordinateInput, username: null }))
        .thenThrows('VALIDATION_FAILED', { field: 'assignees[1]', reason: 'EXACTLY_ONE_OF_USERNAME_UNIT' });
    });

    it('refuses an assignee without name', () => {
      spec.given(given).when(withAssignees({ ...leadInput, fullName: '' })).thenThrows('VALIDATION_FAILED', { field: 'assignees[0].fullName' });
    });

    it('refuses an unknown assignment role', () => {
      spec
        .given(given)
        .when(withAssignees(leadInput, { ...coordinateInput, role: 'OBSERVER' as never }))
        .thenThrows('VALIDATION_FAILED', { field: 'assignees[1].role' });
    });

    it('refuses the same unit twice', () => {
      spec
        .given(given)
        .when(withAssignees(leadInput, { ...informationInput, unitId: UNIT }))
        .thenThrows('VALIDATION_FAILED', { field: 'assignees[1]', reason: 'DUPLICATE_ASSIGNEE' });
    });

    it('refuses a per-assignee deadline after the overall deadline', () => {
      spec
        .given(given)
        .when(withAssignees({ ...leadInput, deadline: '2025-03-15T08:00:00+07:00' }))
        .thenThrows('VALIDATION_FAILED', { field: 'assignees[0].deadline', reason: 'AFTER_DOCUMENT_DEADLINE' });
    });

    it('refuses an overall deadline that is not after now', () => {
      spec.given(given).when(assignDocument({ deadline: T.assign })).thenThrows('VALIDATION_FAILED', { field: 'deadline', reason: 'NOT_IN_FUTURE' });
    });

    it('refuses a malformed deadline', () => {
      spec.given(given).when(assignDocument({ deadline: '14/03/2025' })).thenThrows('VALIDATION_FAILED', { field: 'deadline', reason: 'INVALID_INSTANT' });
    });
  });

  describe('when presented', () => {
    const given = HISTORY.PRESENTED;

    it('is assigned by the leader, keeping the presentation', () => {
      const state = spec.given(given).when(assignDocument()).then([assigned()]);
      expect(state).toMatchObject({ status: 'ASSIGNED', presentation: { leader: person(leader) } });
    });

    it('is no longer routed by a clerk: the leader decides', () => {
      spec.given(given).when(assignDocument({}, clerk)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'CLERK_ROUTES_ONLY_AFTER_REGISTRATION' });
    });

    it('is assigned by someone who is both clerk and leader, as a leader', () => {
      const both = actor(['CLERK', 'LEADER'], { username: leader.username, fullName: leader.fullName });
      spec.given(given).when(assignDocument({}, both)).then([assigned()]);
    });
  });
});

describe('incoming document decider: forwarding (chuyển xử lý)', () => {
  describe('when assigned to a unit', () => {
    const given = HISTORY.ASSIGNED;

    it('is forwarded by the lead unit’s head to a specialist, keeping the trail', () => {
      const state = spec.given(given).when(forwardAssignment()).then([forwarded()]);
      expect(state).toMatchObject({
        status: 'ASSIGNED',
        assignment: {
          lead: officerHandler,
          leadDeadline: '2025-03-11T17:00:00+07:00',
          deadline: T.deadline,
          assignees: assignedAssignees,
          hops: [{ hop: 1, from: leadUnit, to: officerHandler, instruction: 'Đ/c E nghiên cứu, dự thảo kế hoạch.', forwardedBy: person(unitHead) }],
        },
      });
    });

    it('is forwarded by a LEADER', () => {
      spec.given(given).when(forwardAssignment({}, leader)).then([forwarded({ forwardedBy: person(leader) })]);
    });

    it('keeps the document deadline when the hop names none', () => {
      spec.given(given).when(forwardAssignment({ deadline: null })).then([forwarded({ deadline: T.deadline })]);
    });

    it('is forwarded to another unit', () => {
      const to = { username: null, unitId: OTHER_UNIT, unitIdOfUser: null, fullName: 'Phòng Kế hoạch - Tài chính' };
      spec.given(given).when(forwardAssignment({ to })).then([forwarded({ to })]);
    });

    it('refuses the head of another unit', () => {
      spec.given(given).when(forwardAssignment({}, otherUnitHead)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_LEAD_UNIT_HEAD' });
    });

    it('refuses an OFFICER', () => {
      spec.given(given).when(forwardAssignment({}, officer)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a hop deadline after the document deadline', () => {
      spec
        .given(given)
        .when(forwardAssignment({ deadline: '2025-03-17T08:00:00+07:00' }))
        .thenThrows('VALIDATION_FAILED', { field: 'deadline', reason: 'AFTER_DOCUMENT_DEADLINE' });
    });

    it('refuses a hop deadline in the past', () => {
      spec
        .given(given)
        .when(forwardAssignment({ deadline: '2025-03-03T17:00:00+07:00' }))
        .thenThrows('VALIDATION_FAILED', { field: 'deadline', reason: 'NOT_IN_FUTURE' });
    });

    it('refuses to forward to the current lead', () => {
      spec.given(given).when(forwardAssignment({ to: leadUnit })).thenThrows('VALIDATION_FAILED', { field: 'to', reason: 'SAME_AS_CURRENT_LEAD' });
    });

    it('refuses a target naming both a person and a unit', () => {
      spec
        .given(given)
        .when(forwardAssignment({ to: { ...officerHandler, unitId: UNIT } }))
        .thenThrows('VALIDATION_FAILED', { field: 'to', reason: 'EXACTLY_ONE_OF_USERNAME_UNIT' });
    });
  });

  describe('when forwarded to a person', () => {
    const given = [...HISTORY.ASSIGNED, forwarded()];

    it('is forwarded again by the head of that person’s unit, adding a second hop', () => {
      const to = { username: 'cv_buithik', unitId: null, unitIdOfUser: UNIT, fullName: 'Bùi Thị K' };
      const state = spec
        .given(given)
        .when(forwardAssignment({ to, instruction: 'Chuyển đ/c K thực hiện', deadline: null }, unitHead, T.start))
        .then([
          forwarded({ hop: 2, from: officerHandler, to, instruction: 'Chuyển đ/c K thực hiện', deadline: T.deadline, forwardedAt: T.start }),
        ]);
      expect(state.status === 'ASSIGNED' && state.assignment.hops.map((h) => [h.hop, h.from.fullName, h.to.fullName])).toEqual([
        [1, 'Phòng Hành chính - Tổ chức', officer.fullName],
        [2, officer.fullName, 'Bùi Thị K'],
      ]);
    });

    it('is started by the new lead', () => {
      spec.given(given).when(startProcessing(officer)).then([started({ startedBy: person(officer) })]);
    });

    it('is no longer started by the previous lead unit’s head', () => {
      spec.given(given).when(startProcessing(unitHead)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_LEAD_ASSIGNEE' });
    });

    it('keeps an earlier lead deadline when the document deadline is extended', () => {
      spec.given(given).when(extendDeadline()).then([deadlineExtended({ leadDeadline: '2025-03-11T17:00:00+07:00' })]);
    });
  });
});

describe('incoming document decider: processing and deadlines', () => {
  describe('when assigned', () => {
    const given = HISTORY.ASSIGNED;

    it('is started by the head of the lead unit', () => {
      const state = spec.given(given).when(startProcessing()).then([started()]);
      expect(state).toMatchObject({ status: 'IN_PROGRESS', startedAt: T.start, progress: [] });
    });

    it.each([
      ['an officer of the lead unit', officer],
      ['the head of another unit', otherUnitHead],
      ['a LEADER', leader],
      ['a co-operating assignee', coordinator],
    ])('is not started by %s', (_label, who) => {
      spec.given(given).when(startProcessing(who)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_LEAD_ASSIGNEE' });
    });

    it('is completed directly by the lead', () => {
      const state = spec.given(given).when(completeDocument()).then([completed()]);
      expect(state).toMatchObject({ status: 'COMPLETED', startedAt: null, progress: [], completion: { completedLate: false } });
    });

    it('records a completion after the deadline as late', () => {
      const late = '2025-03-17T09:00:00+07:00';
      spec.given(given).when(completeDocument({ replyDocumentId: null }, unitHead, late)).then([
        completed({ replyDocumentId: null, completedAt: late, completedLate: true }),
      ]);
    });

    it('refuses a completion without result', () => {
      spec.given(given).when(completeDocument({ result: ' ' })).thenThrows('VALIDATION_FAILED', { field: 'result' });
    });

    it('refuses a completion by someone else than the lead', () => {
      spec.given(given).when(completeDocument({}, officer)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_LEAD_ASSIGNEE' });
    });

    it('has its deadline extended, keeping the original; the lead deadline stays when it was earlier', () => {
      const state = spec.given(given).when(extendDeadline()).then([deadlineExtended()]);
      expect(state).toMatchObject({
        assignment: { deadline: T.extendedDeadline, originalDeadline: T.deadline, leadDeadline: T.leadDeadline, extensions: [{ previousDeadline: T.deadline }] },
      });
    });

    it('moves the lead deadline with the document deadline when they were equal', () => {
      const sameDeadline = [...HISTORY.PRESENTED, assigned({ assignees: [{ ...assignedAssignees[0], deadline: T.deadline }] })];
      spec.given(sameDeadline).when(extendDeadline()).then([deadlineExtended({ leadDeadline: T.extendedDeadline })]);
    });

    it('is extended a second time, still keeping the first deadline as original', () => {
      const later = '2025-03-28T17:00:00+07:00';
      spec
        .given([...given, deadlineExtended()])
        .when(extendDeadline({ deadline: later, reason: 'Bổ sung hồ sơ' }, unitHead))
        .then([
          deadlineExtended({
            previousDeadline: T.extendedDeadline,
            deadline: later,
            originalDeadline: T.deadline,
            reason: 'Bổ sung hồ sơ',
            extendedBy: person(unitHead),
          }),
        ]);
    });

    it('refuses an extension that is not later than the current deadline', () => {
      spec.given(given).when(extendDeadline({ deadline: '2025-03-13T17:00:00+07:00' })).thenThrows('VALIDATION_FAILED', {
        field: 'deadline',
        reason: 'NOT_LATER',
        currentDeadline: T.deadline,
      });
    });

    it('refuses an extension without reason', () => {
      spec.given(given).when(extendDeadline({ reason: '' })).thenThrows('VALIDATION_FAILED', { field: 'reason' });
    });

    it('refuses an extension by an OFFICER or a CLERK', () => {
      spec.given(given).when(extendDeadline({}, officer)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
      spec.given(given).when(extendDeadline({}, clerk)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });
  });

  describe('when assigned to a person', () => {
    const given = [
      ...HISTORY.REGISTERED,
      assigned({ assignees: [{ ...officerHandler, role: 'LEAD', deadline: T.deadline }] }),
    ];

    it('is started by that person', () => {
      spec.given(given).when(startProcessing(officer)).then([started({ startedBy: person(officer) })]);
    });

    it('is not started by the head of that person’s unit', () => {
      spec.given(given).when(startProcessing(unitHead)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_LEAD_ASSIGNEE' });
    });

    it('is forwarded by the head of that person’s unit', () => {
      const to = { username: 'cv_buithik', unitId: null, unitIdOfUser: UNIT, fullName: 'Bùi Thị K' };
      spec.given(given).when(forwardAssignment({ to })).then([forwarded({ from: officerHandler, to })]);
    });
  });

  describe('when in progress', () => {
    const given = HISTORY.IN_PROGRESS;

    it('records progress reported by the lead', () => {
      const state = spec.given(given).when(reportProgress()).then([progressReported()]);
      expect(state).toMatchObject({ status: 'IN_PROGRESS', progress: [{ note: 'Đã dự thảo kế hoạch, đang lấy ý kiến.' }] });
    });

    it('refuses an empty progress note', () => {
      spec.given(given).when(reportProgress('  ')).thenThrows('VALIDATION_FAILED', { field: 'note' });
    });

    it('refuses progress from someone else than the lead', () => {
      spec.given(given).when(reportProgress('x', coordinator)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_LEAD_ASSIGNEE' });
    });

    it('is completed by the lead, keeping start and progress', () => {
      const state = spec.given([...given, progressReported()]).when(completeDocument()).then([completed()]);
      expect(state).toMatchObject({ status: 'COMPLETED', startedAt: T.start, progress: [{ reportedAt: T.progress }] });
    });

    it('has its deadline extended', () => {
      spec.given(given).when(extendDeadline({}, leader, T.progress)).then([deadlineExtended({ extendedAt: T.progress })]);
    });

    it('carries the source into start and completion (exchange statuses 05 and 06)', () => {
      const source = { outgoingDocumentId: 'out-777', agencyCode: '000.00.00.H41' };
      const history = [received({ source }), registered({ source }), assigned({ source })];
      spec.given(history).when(startProcessing()).then([started({ source })]);
      spec.given([...history, started({ source })]).when(completeDocument()).then([completed({ source })]);
    });
  });
});

describe('incoming document decider: the whole path', () => {
  it('goes receipt → registration → presentation → assignment → forward → start → progress → completion through decide', () => {
    const steps: IncomingDocumentCommand[] = [
      receive(),
      registerDocument(),
      presentDocument(),
      assignDocument(),
      forwardAssignment(),
      startProcessing(officer),
      reportProgress('Đã xong dự thảo', officer),
      completeDocument({}, officer),
    ];
    const events: IncomingDocumentEvent[] = [];
    let state = incomingDocumentDecider.initialState();
    for (const step of steps) {
      const produced = incomingDocumentDecider.decide(step, state);
      events.push(...produced);
      state = produced.reduce(incomingDocumentDecider.evolve, state);
    }
    expect(events.map((e) => e.type)).toEqual([
      'IncomingDocumentReceived',
      'IncomingDocumentRegistered',
      'IncomingDocumentPresented',
      'IncomingDocumentAssigned',
      'IncomingAssignmentForwarded',
      'IncomingProcessingStarted',
      'IncomingProgressReported',
      'IncomingDocumentCompleted',
    ]);
    expect(state).toMatchObject({
      status: 'COMPLETED',
      registration: { arrivalNumber: 17 },
      presentation: { leader: person(leader) },
      assignment: { lead: officerHandler, hops: [{ hop: 1, to: officerHandler }] },
      progress: [{ note: 'Đã xong dự thảo' }],
      completion: { completedBy: person(officer), completedLate: false },
    });
  });
});
