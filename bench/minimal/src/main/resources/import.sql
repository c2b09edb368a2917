insert into Item (id, name) values (1, 'one');
