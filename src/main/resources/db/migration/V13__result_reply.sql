-- The handler's message to the user that goes out with the result (drafted from the reply templates in
-- processes/replies/, edited in Confirm result). Erased with the other complaint texts.
alter table complaint add column result_reply varchar(5000);
