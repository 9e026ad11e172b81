from conftest import person

from db.models import Person, Post


def test_every_change_passes_through_the_change_listener(db, members):
    seen = []
    db.add_change_listener(lambda _session, changes: seen.append(changes))
    pid = members.save(person("张三", "党支部书记"))
    created = [type(o) for c in seen for o in c.new]
    assert Person in created and Post in created
    seen.clear()
    data = members.get(pid)
    data.values["phone"] = "13812341027"
    members.save(data, pid)
    assert any(isinstance(o, Person) and o.phone == "13812341027" for c in seen for o in c.dirty)
    seen.clear()
    members.delete(pid)
    assert any(isinstance(o, Person) for c in seen for o in c.deleted)
