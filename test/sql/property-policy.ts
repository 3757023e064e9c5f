// The head both property tests' policies share: a Berlin policy with an office schedule across
// Good Friday and the spring-forward night, and the first-response, phone-wait and CSAT rules.
// Each test appends its own rules.
export const POLICY_HEAD = `name: property
extends: none
timezone: Europe/Berlin
exclude_tags: [spam]
schedules:
  office:
    mon: ["08:00-12:00", "13:00-18:00"]
    tue: ["08:00-18:00"]
    wed: ["22:00-06:00"]
    fri: ["09:00-17:00"]
    holidays: [2024-03-29]
rules:
  - id: calendar-first-response
    title: First response within 2 hours
    expectation: channel
    measure: first-response
    applies_to: { channel: [email, chat] }
    window: 2h
    target: 90%
    overrides:
      - when: { priority: [urgent] }
        window: 30m
        target: 95%
  - id: business-first-response
    title: First response within 4 business hours
    expectation: channel
    measure: first-response
    clock: business
    schedule: office
    window: 4h
    target: 80%
  - id: phone-wait
    title: Callers wait at most 1 minute
    expectation: channel
    measure: phone-wait
    applies_to: { channel: [phone] }
    window: 1m
    short_abandon: 5s
    target: 90%
  - id: satisfaction
    expectation: baseline
    measure: csat
    target: 80%
`;
